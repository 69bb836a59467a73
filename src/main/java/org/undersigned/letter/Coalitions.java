package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

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

    /**
     * Adds a partner. {@code logoPng} is an image the caller already re-encoded (never uploaded
     * bytes). The code defaults to one made from the name.
     */
    @Transactional
    public LetterPartner addPartner(Actor actor, long letterId, String rawName, String rawWebsite, String rawCode,
                                    byte[] logoPng) {
        Letter letter = touch(letterId);
        String name = PlainText.line(rawName);
        String website = PlainText.line(rawWebsite);
        String code = PlainText.line(rawCode);
        code = code == null && name != null ? codeFrom(name) : code;
        FormErrors errors = FormErrors.none();
        if (name == null) {
            errors.add("name", admin().letter_partner_name_required());
        } else if (name.length() > 200) {
            errors.add("name", admin().letter_at_most_200_characters());
        }
        if (website != null) {
            website = website.contains("://") ? website : "https://" + website;
            if (website.length() > 300 || !isWebAddress(website)) {
                errors.add("website", admin().letter_partner_website_invalid());
            }
        }
        if (code == null || code.length() > 40 || !CODE.matcher(code).matches()) {
            errors.add("code", admin().letter_partner_code_shape());
        } else if (LetterPartner.byCode(letterId, code).isPresent()) {
            errors.add("code", admin().letter_partner_code_taken());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int position = LetterPartner.ofLetter(letterId).size() + 1;
        LetterPartner partner = LetterPartner.create(letter.id, code, name, website, logoPng, position, Instant.now());
        partner.persist();
        em.flush();
        audit.record(actor, "letter.partner-added", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("partner", partner.id(), "name", name, "code", code, "logo", logoPng != null));
        pageChanged.fire(new PublicPageChanged(letterId));
        return partner;
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
