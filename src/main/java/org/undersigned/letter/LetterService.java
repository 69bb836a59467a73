package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.FormValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.infra.ClusterLock;
import org.undersigned.web.ConflictException;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.PlainText;
import org.undersigned.web.RuleException;
import org.undersigned.web.SiteConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes to letters: authoring, the lifecycle transitions and campaign updates. Every change is
 * recorded in the audit trail in the same transaction, with the actor who made it.
 */
@ApplicationScoped
public class LetterService {

    @Inject
    ClusterLock clusterLock;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    FormValidation forms;

    @Inject
    SiteConfig site;

    @Inject
    jakarta.enterprise.event.Event<PublicPageChanged> pageChanged;

    @Inject
    LetterTranslations translations;

    // ----- authoring ---------------------------------------------------------------------------

    @Transactional
    public Letter createDraft(Actor actor, LetterForm form) {
        FormErrors errors = check(form, null);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return createDraft(actor, form.toDraft(site.timeZone()));
    }

    /** For code that already holds checked values (demo data, tests). */
    @Transactional
    public Letter createDraft(Actor actor, LetterDraft draft) {
        Instant now = Instant.now();
        Letter letter = new Letter();
        letter.slug = draft.slug();
        apply(letter, draft);
        letter.createdAt = now;
        letter.updatedAt = now;
        letter.persist();
        audit.record(actor, "letter.created", Subject.letter(letter.id), null, snapshot(letter));
        return letter;
    }

    /**
     * Saves an editor's changes. A draft changes freely. On a published letter, a change to the
     * title, addressees or text freezes a new text version (earlier signatures keep theirs);
     * settings such as the deadline change in place. Delivered and archived letters are final.
     */
    @Transactional
    public Letter edit(Actor actor, long letterId, LetterForm form, long expectedVersion) {
        Letter letter = requireForUpdate(letterId, expectedVersion);
        if (letter.state() == LetterState.DELIVERED || letter.state() == LetterState.ARCHIVED) {
            throw new RuleException(admin().letter_final_title(), admin().letter_final());
        }
        FormErrors errors = check(form, letter);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now();
        LetterDraft draft = form.toDraft(site.timeZone());
        if (letter.state() == LetterState.OPEN && draft.signDeadline() != null && !draft.signDeadline().isAfter(now)) {
            throw new InvalidInputException(FormErrors.none().add("deadline",
                    admin().letter_open_deadline_in_past()));
        }
        Map<String, Object> before = snapshot(letter);
        boolean textChanged = !Objects.equals(letter.title, draft.title())
                || !Objects.equals(letter.addressees, draft.addressees())
                || !Objects.equals(letter.bodyMarkdown, draft.bodyMarkdown());
        if (letter.state() == LetterState.DRAFT) {
            letter.slug = draft.slug();
        } else if (!letter.slug.equals(draft.slug())) {
            throw new InvalidInputException(FormErrors.none().add("slug",
                    admin().letter_published_slug_fixed()));
        }
        apply(letter, draft);
        letter.updatedAt = now;
        if (textChanged) {
            translations.canonicalTextChanged(letter, now);
        }
        if (textChanged && letter.state() != LetterState.DRAFT) {
            LetterVersion version = letter.freezeText(now);
            version.persist();
            audit.record(actor, "letter.text-versioned", Subject.letter(letter.id),
                    AuditLog.values("version", version.number - 1), AuditLog.values("version", version.number, "sha256", version.sha256));
        }
        audit.record(actor, "letter.edited", Subject.letter(letter.id), before, snapshot(letter));
        pageChanged.fire(new PublicPageChanged(letter.id));
        return letter;
    }

    @Transactional
    public Letter publish(Actor actor, long letterId) {
        Letter letter = requireForUpdate(letterId, null);
        Map<String, Object> before = lifecycle(letter);
        LetterVersion version = letter.publish(Instant.now());
        version.persist();
        translations.published(letter, version.number, version.publishedAt);
        audit.record(actor, "letter.published", Subject.letter(letter.id), before, lifecycle(letter));
        pageChanged.fire(new PublicPageChanged(letter.id));
        return letter;
    }

    @Transactional
    public Letter close(Actor actor, long letterId) {
        Letter letter = requireForUpdate(letterId, null);
        Map<String, Object> before = lifecycle(letter);
        letter.close(Instant.now());
        audit.record(actor, "letter.closed", Subject.letter(letter.id), before, lifecycle(letter));
        pageChanged.fire(new PublicPageChanged(letter.id));
        return letter;
    }

    @Transactional
    public Letter reopen(Actor actor, long letterId, Instant newDeadline) {
        Letter letter = requireForUpdate(letterId, null);
        Map<String, Object> before = lifecycle(letter);
        letter.reopen(Instant.now(), newDeadline);
        audit.record(actor, "letter.reopened", Subject.letter(letter.id), before, lifecycle(letter));
        pageChanged.fire(new PublicPageChanged(letter.id));
        return letter;
    }

    @Transactional
    public Letter deliver(Actor actor, long letterId, LocalDate on, String to, String how) {
        FormErrors errors = FormErrors.none();
        String recipient = PlainText.line(to);
        String means = PlainText.line(how);
        if (on == null) {
            errors.add("deliveredOn", admin().letter_delivered_on_required());
        } else if (on.isAfter(LocalDate.now(site.timeZone()).plusDays(1))) {
            errors.add("deliveredOn", admin().letter_delivered_on_future());
        }
        if (recipient == null || recipient.length() > 300 || !PlainText.isAcceptable(recipient)) {
            errors.add("deliveredTo", admin().letter_delivered_to_required());
        }
        if (means != null && (means.length() > 300 || !PlainText.isAcceptable(means))) {
            errors.add("deliveredHow", admin().letter_delivered_how_too_long());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Letter letter = requireForUpdate(letterId, null);
        Map<String, Object> before = lifecycle(letter);
        letter.deliver(Instant.now(), on.atTime(12, 0).atZone(site.timeZone()).toInstant(), recipient, means);
        audit.record(actor, "letter.delivered", Subject.letter(letter.id), before, lifecycle(letter));
        pageChanged.fire(new PublicPageChanged(letter.id));
        return letter;
    }

    @Transactional
    public Letter archive(Actor actor, long letterId) {
        Letter letter = requireForUpdate(letterId, null);
        Map<String, Object> before = lifecycle(letter);
        letter.archive(Instant.now());
        audit.record(actor, "letter.archived", Subject.letter(letter.id), before, lifecycle(letter));
        pageChanged.fire(new PublicPageChanged(letter.id));
        return letter;
    }

    // ----- campaign updates --------------------------------------------------------------------

    @Transactional
    public CampaignUpdate postUpdate(Actor actor, long letterId, LocalDate postedOn, String markdown) {
        Letter letter = require(letterId);
        String body = checkUpdate(postedOn, markdown);
        Instant now = Instant.now();
        CampaignUpdate update = new CampaignUpdate();
        update.letter = letter;
        update.postedOn = postedOn;
        update.bodyMarkdown = body;
        update.createdAt = now;
        update.updatedAt = now;
        update.persist();
        touch(letter, now);
        audit.record(actor, "update.posted", Subject.letter(letter.id), null,
                AuditLog.values("update", update.id, "postedOn", postedOn.toString(), "markdown", body));
        return update;
    }

    @Transactional
    public CampaignUpdate editUpdate(Actor actor, long updateId, LocalDate postedOn, String markdown) {
        CampaignUpdate update = requireUpdate(updateId);
        String body = checkUpdate(postedOn, markdown);
        var before = AuditLog.values("update", update.id, "postedOn", update.postedOn.toString(), "markdown", update.bodyMarkdown);
        update.postedOn = postedOn;
        update.bodyMarkdown = body;
        update.updatedAt = Instant.now();
        touch(update.letter, update.updatedAt);
        audit.record(actor, "update.edited", Subject.letter(update.letter.id), before,
                AuditLog.values("update", update.id, "postedOn", postedOn.toString(), "markdown", body));
        return update;
    }

    @Transactional
    public void removeUpdate(Actor actor, long updateId) {
        CampaignUpdate update = requireUpdate(updateId);
        audit.record(actor, "update.removed", Subject.letter(update.letter.id),
                AuditLog.values("update", update.id, "postedOn", update.postedOn.toString(), "markdown", update.bodyMarkdown), null);
        touch(update.letter, Instant.now());
        update.delete();
    }

    /** Campaign updates are part of the letter's page: changing them changes the letter's row version. */
    private void touch(Letter letter, Instant now) {
        letter.updatedAt = now;
        pageChanged.fire(new PublicPageChanged(letter.id));
    }

    public CampaignUpdate requireUpdate(long updateId) {
        return CampaignUpdate.<CampaignUpdate>findByIdOptional(updateId).orElseThrow(NotFoundException::new);
    }

    // ----- deadlines ---------------------------------------------------------------------------

    /**
     * Closes every open letter whose deadline has passed. Runs on one instance at a time; the
     * rows are locked so an organizer's simultaneous change waits rather than being lost.
     *
     * @return the slugs closed, or an empty list when another instance holds the job
     */
    @Transactional
    public List<String> closeExpired() {
        if (!clusterLock.tryLock(ClusterLock.Job.DEADLINE_CLOSER)) {
            return List.of();
        }
        Instant now = Instant.now();
        List<Letter> due = Letter.find("state = ?1 and signDeadline <= ?2", LetterState.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        for (Letter letter : due) {
            Map<String, Object> before = lifecycle(letter);
            letter.close(now);
            audit.record(Actor.SYSTEM, "letter.closed-at-deadline", Subject.letter(letter.id), before, lifecycle(letter));
            pageChanged.fire(new PublicPageChanged(letter.id));
        }
        return due.stream().map(l -> l.slug).toList();
    }

    // ----- helpers -----------------------------------------------------------------------------

    private FormErrors check(LetterForm form, Letter existing) {
        FormErrors errors = FormErrors.none();
        forms.addViolations(errors, form);
        if (!form.deadlineReadable()) {
            errors.add("deadline", FormValidation.message("letter.deadline.unreadable"));
        }
        if (!form.organizationsMaySign() && !form.individualsMaySign()) {
            errors.add("whoMaySign", FormValidation.message("letter.whoMaySign.required"));
        }
        if (form.slug() != null && Letter.findBySlug(form.slug()).filter(l -> existing == null || !l.id.equals(existing.id)).isPresent()) {
            errors.add("slug", FormValidation.message("letter.slug.taken"));
        }
        return errors.orderedBy(LetterForm.FIELD_ORDER);
    }

    private static String checkUpdate(LocalDate postedOn, String markdown) {
        String body = PlainText.block(markdown);
        FormErrors errors = FormErrors.none();
        if (postedOn == null) {
            errors.add("postedOn", admin().letter_update_date_required());
        }
        if (body == null) {
            errors.add("markdown", admin().letter_update_text_required());
        } else if (body.length() > 20_000 || !PlainText.isAcceptable(body)) {
            errors.add("markdown", admin().letter_update_text_too_long());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return body;
    }

    private static void apply(Letter letter, LetterDraft draft) {
        letter.title = draft.title();
        letter.addressees = draft.addressees();
        letter.bodyMarkdown = draft.bodyMarkdown();
        letter.coalitionName = draft.coalitionName();
        letter.coalitionContact = draft.coalitionContact();
        letter.signDeadline = draft.signDeadline();
        letter.organizationsMaySign = draft.organizationsMaySign();
        letter.individualsMaySign = draft.individualsMaySign();
        letter.autoApproveIndividuals = draft.autoApproveIndividuals();
        letter.pdfGrouping = draft.pdfGrouping() == null ? PdfGrouping.NONE : draft.pdfGrouping();
    }

    private static Map<String, Object> snapshot(Letter l) {
        return AuditLog.values("slug", l.slug, "title", l.title, "addressees", l.addressees,
                "bodySha256", org.undersigned.infra.Hashing.sha256Hex(l.bodyMarkdown == null ? "" : l.bodyMarkdown),
                "coalitionName", l.coalitionName, "coalitionContact", l.coalitionContact, "signDeadline", l.signDeadline,
                "organizationsMaySign", l.organizationsMaySign, "individualsMaySign", l.individualsMaySign,
                "autoApproveIndividuals", l.autoApproveIndividuals, "pdfGrouping", l.pdfGrouping);
    }

    private static Map<String, Object> lifecycle(Letter l) {
        return AuditLog.values("state", l.state(), "signDeadline", l.signDeadline, "version", l.currentVersion(),
                "deliveredTo", l.deliveredTo(), "deliveredHow", l.deliveredHow(), "deliveredAt", l.deliveredAt());
    }

    public static Letter require(long letterId) {
        Letter letter = Letter.findById(letterId);
        if (letter == null) {
            throw new NotFoundException();
        }
        return letter;
    }

    /** Locks the row for the rest of the transaction; a stale form (other version) is a conflict. */
    private static Letter requireForUpdate(long letterId, Long expectedVersion) {
        Letter letter = Letter.<Letter>findByIdOptional(letterId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(NotFoundException::new);
        if (expectedVersion != null && letter.version != expectedVersion) {
            throw new ConflictException(admin().letter_saved_meanwhile());
        }
        return letter;
    }
}
