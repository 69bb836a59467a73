package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;
import org.undersigned.web.AdminMsg;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.PlainText;
import org.undersigned.web.RuleException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A letter's coalition: its partner organizations and its signatory categories. Every change is
 * audited and gives the letter row a new version, so cached public pages and PDFs follow.
 */
@ApplicationScoped
public class Coalitions {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicPageChanged> pageChanged;

    @Inject
    SignatureFacts facts;

    /** What removing a partner did: deleted outright, or retired because sign-ons or staff accounts name it. */
    public enum Removal { DELETED, RETIRED }

    /** Up or down one place in the editors' order. */
    public enum Direction {
        UP, DOWN;

        /** "up" or "down" as a form posts it; anything else is bad input. */
        public static Direction of(String posted) {
            if ("up".equals(posted)) {
                return UP;
            }
            if ("down".equals(posted)) {
                return DOWN;
            }
            throw new InvalidInputException(FormErrors.none().add("direction", AdminMsg::letter_move_direction));
        }
    }

    /**
     * Adds a partner. {@code logoPng} is an image the caller already re-encoded (never uploaded
     * bytes). The code defaults to one made from the name.
     */
    @Transactional
    public LetterPartner addPartner(Actor actor, long letterId, String rawName, String rawWebsite, String rawCode,
                                    byte[] logoPng) {
        Letter letter = touch(letterId);
        String name = PlainText.line(rawName);
        String code = PlainText.line(rawCode);
        code = code == null && name != null ? codeFrom(name) : code;
        FormErrors errors = FormErrors.none();
        checkName(name, errors);
        String website = checkWebsite(PlainText.line(rawWebsite), errors);
        if (code == null || code.length() > 40 || !CODE.matcher(code).matches()) {
            errors.add("code", AdminMsg::letter_partner_code_shape);
        } else if (LetterPartner.codeTaken(letterId, code)) {
            errors.add("code", AdminMsg::letter_partner_code_taken);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int position = LetterPartner.allOfLetter(letterId).stream().mapToInt(LetterPartner::position).max().orElse(0) + 1;
        LetterPartner partner = LetterPartner.create(letter.id, code, name, website, logoPng, position, Instant.now());
        partner.persist();
        em.flush();
        audit.record(actor, "letter.partner-added", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("partner", partner.id(), "name", name, "code", code, "logo", logoPng != null));
        pageChanged.fire(new PublicPageChanged(letterId));
        return partner;
    }

    /**
     * Changes a partner's name and website, and its logo: {@code newLogoPng} (already re-encoded)
     * replaces it, {@code removeLogo} drops it, neither keeps it. The link code never changes:
     * links with it are out in the world.
     */
    @Transactional
    public LetterPartner editPartner(Actor actor, long letterId, long partnerId, String rawName, String rawWebsite,
                                     byte[] newLogoPng, boolean removeLogo) {
        touch(letterId);
        LetterPartner partner = partner(letterId, partnerId);
        String name = PlainText.line(rawName);
        FormErrors errors = FormErrors.none();
        checkName(name, errors);
        String website = checkWebsite(PlainText.line(rawWebsite), errors);
        if (newLogoPng != null && removeLogo) {
            errors.add("logo", AdminMsg::letter_partner_logo_either);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var before = AuditLog.values("name", partner.name(), "website", partner.website().orElse(""), "logo", partner.hasLogo());
        Instant now = Instant.now();
        partner.rename(name, website, now);
        String logo = "kept";
        if (newLogoPng != null) {
            partner.replaceLogo(newLogoPng, now);
            logo = "replaced";
        } else if (removeLogo && partner.hasLogo()) {
            partner.replaceLogo(null, now);
            logo = "removed";
        }
        em.flush();
        audit.record(actor, "letter.partner-edited", AuditLog.Subject.letter(letterId), before,
                AuditLog.values("partner", partnerId, "name", name, "website", website == null ? "" : website, "logo", logo));
        pageChanged.fire(new PublicPageChanged(letterId));
        return partner;
    }

    /**
     * Removes a partner from the letter. One that nobody signed on through (and with no staff
     * account) is deleted. One with sign-ons is retired: it leaves the page and the PDF and its
     * link stops attributing, but its sign-ons keep their attribution (they came through it) and
     * admins can still export the contacts who agreed to share them with it.
     */
    @Transactional
    public Removal removePartner(Actor actor, long letterId, long partnerId) {
        touch(letterId);
        LetterPartner partner = partner(letterId, partnerId);
        // Sign-ons through it from the maintained counts (every state, withdrawn included), not a scan of
        // the letter's signatures; the foreign keys from signature and account still refuse a delete
        // that races a sign-on.
        SignatureFacts.PartnerCount counted = facts.countsByPartner(letterId).get(partnerId);
        boolean named = (counted != null && counted.signedOn() > 0)
                || !em.createNativeQuery("select 1 from account where partner_id = ?1 limit 1")
                .setParameter(1, partnerId).getResultList().isEmpty();
        var values = AuditLog.values("partner", partnerId, "name", partner.name(), "code", partner.code());
        Removal removal;
        if (named) {
            partner.retire(Instant.now());
            em.flush();
            audit.record(actor, "letter.partner-retired", AuditLog.Subject.letter(letterId), values, null);
            removal = Removal.RETIRED;
        } else {
            partner.state().moveTo(PartnerState.RETIRED); // a retired partner is not removed twice
            partner.delete();
            em.flush();
            audit.record(actor, "letter.partner-removed", AuditLog.Subject.letter(letterId), values, null);
            removal = Removal.DELETED;
        }
        pageChanged.fire(new PublicPageChanged(letterId));
        return removal;
    }

    /** A retired partner back on the page, the PDF and its link attributing again; last in the order. */
    @Transactional
    public LetterPartner reinstatePartner(Actor actor, long letterId, long partnerId) {
        touch(letterId);
        LetterPartner partner = partner(letterId, partnerId);
        partner.reinstate(Instant.now());
        partner.moveTo(LetterPartner.ofLetter(letterId).stream().mapToInt(LetterPartner::position).max().orElse(0) + 1);
        em.flush();
        audit.record(actor, "letter.partner-reinstated", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("partner", partnerId, "name", partner.name(), "code", partner.code()));
        pageChanged.fire(new PublicPageChanged(letterId));
        return partner;
    }

    /** One place up or down among the active partners; the page, the PDF and the lists follow. */
    @Transactional
    public void movePartner(Actor actor, long letterId, long partnerId, Direction direction) {
        touch(letterId);
        LetterPartner partner = partner(letterId, partnerId);
        if (partner.retired()) {
            throw new RuleException(AdminMsg::letter_partner_retired_title, AdminMsg::letter_partner_retired_no_move);
        }
        List<LetterPartner> order = new java.util.ArrayList<>(LetterPartner.ofLetter(letterId));
        int from = order.indexOf(partner);
        if (swap(order, from, direction)) {
            for (int i = 0; i < order.size(); i++) {
                order.get(i).moveTo(i + 1);
            }
            em.flush();
            audit.record(actor, "letter.partner-moved", AuditLog.Subject.letter(letterId),
                    AuditLog.values("partner", partnerId, "position", from + 1),
                    AuditLog.values("partner", partnerId, "position", order.indexOf(partner) + 1));
            pageChanged.fire(new PublicPageChanged(letterId));
        }
    }

    /** One place up or down among the letter's categories: the groups on the page, in the lists and the PDF follow. */
    @Transactional
    public void moveCategory(Actor actor, long letterId, long categoryId, Direction direction) {
        touch(letterId);
        LetterCategory category = LetterCategory.<LetterCategory>findByIdOptional(categoryId)
                .filter(c -> c.letterId() == letterId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        List<LetterCategory> order = new java.util.ArrayList<>(LetterCategory.ofLetter(letterId));
        int from = order.indexOf(category);
        if (swap(order, from, direction)) {
            for (int i = 0; i < order.size(); i++) {
                order.get(i).moveTo(i + 1);
            }
            em.flush();
            audit.record(actor, "letter.category-moved", AuditLog.Subject.letter(letterId),
                    AuditLog.values("category", categoryId, "position", from + 1),
                    AuditLog.values("category", categoryId, "position", order.indexOf(category) + 1));
            pageChanged.fire(new PublicPageChanged(letterId));
        }
    }

    /** Swaps the item with its neighbour; false when it is already first (up) or last (down). */
    private static <T> boolean swap(List<T> order, int index, Direction direction) {
        int other = direction == Direction.UP ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= order.size()) {
            return false;
        }
        java.util.Collections.swap(order, index, other);
        return true;
    }

    private static LetterPartner partner(long letterId, long partnerId) {
        return LetterPartner.<LetterPartner>findByIdOptional(partnerId).filter(p -> p.letterId() == letterId)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    private static void checkName(String name, FormErrors errors) {
        if (name == null) {
            errors.add("name", AdminMsg::letter_partner_name_required);
        } else if (name.length() > 200) {
            errors.add("name", AdminMsg::letter_at_most_200_characters);
        }
    }

    /** The website as stored (https:// added when no scheme was typed), or null when none was given. */
    private static String checkWebsite(String website, FormErrors errors) {
        if (website == null) {
            return null;
        }
        String full = website.contains("://") ? website : "https://" + website;
        if (full.length() > 300 || !isWebAddress(full)) {
            errors.add("website", AdminMsg::letter_partner_website_invalid);
        }
        return full;
    }

    @Transactional
    public LetterCategory addCategory(Actor actor, long letterId, String rawName) {
        touch(letterId);
        String name = PlainText.line(rawName);
        FormErrors errors = FormErrors.none();
        List<LetterCategory> existing = LetterCategory.ofLetter(letterId);
        if (name == null) {
            errors.add("name", admin().letter_category_name_required());
        } else if (name.length() > 100) {
            errors.add("name", admin().letter_at_most_100_characters());
        } else if (existing.stream().anyMatch(c -> c.name().equalsIgnoreCase(rawName.strip()))) {
            errors.add("name", admin().letter_category_taken());
        } else if (existing.size() >= 50) {
            errors.add("name", admin().letter_category_limit());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LetterCategory category = LetterCategory.create(letterId, name, existing.size() + 1, Instant.now());
        category.persist();
        em.flush();
        audit.record(actor, "letter.category-added", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("category", category.id(), "name", name));
        pageChanged.fire(new PublicPageChanged(letterId));
        return category;
    }

    /** Only a category nobody picked can go: signatures keep the one they chose. */
    @Transactional
    public void removeCategory(Actor actor, long letterId, long categoryId) {
        touch(letterId);
        LetterCategory category = LetterCategory.<LetterCategory>findByIdOptional(categoryId)
                .filter(c -> c.letterId() == letterId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        boolean used = !em.createNativeQuery("select 1 from signature where letter_id = ?1 and category_id = ?2 limit 1")
                .setParameter(1, letterId).setParameter(2, categoryId).getResultList().isEmpty();
        if (used) {
            throw new RuleException(admin().letter_category_in_use_title(), admin().letter_category_in_use());
        }
        category.delete();
        audit.record(actor, "letter.category-removed", AuditLog.Subject.letter(letterId),
                AuditLog.values("category", categoryId, "name", category.name()), null);
        pageChanged.fire(new PublicPageChanged(letterId));
    }

    /** The letter row gets a new version at commit: cached pages and PDFs of it are keyed by that version. */
    private Letter touch(long letterId) {
        Letter letter = LetterService.require(letterId);
        em.lock(letter, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        // The list version keys the stored PDF, which shows partners and groups by category (V11).
        em.createNativeQuery("select count(*) from letter_list_touched(?1)").setParameter(1, letterId).getSingleResult();
        return letter;
    }

    static String codeFrom(String name) {
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        folded = folded.length() > 40 ? folded.substring(0, 40).replaceAll("-+$", "") : folded;
        return folded.isEmpty() ? null : folded;
    }

    private static boolean isWebAddress(String s) {
        try {
            URI uri = new URI(s);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
