package org.undersigned.letter;

import org.undersigned.web.AdminMsg;

import org.undersigned.web.IllegalTransitionException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.util.Optional;

/**
 * A coalition letter: its working text, who may sign, and its place in the lifecycle. The text
 * people sign is not this working copy but the {@link LetterVersion} frozen at publication.
 * State only changes through the transition methods below, each guarded by {@link LetterState}.
 */
@Entity
@Table(name = "letter")
public class Letter extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_seq", sequenceName = "letter_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_seq")
    public Long id;

    public String slug;

    @Enumerated(EnumType.STRING)
    private LetterState state = LetterState.DRAFT;

    public String title;
    public String addressees;
    public String bodyMarkdown;
    public String coalitionName;
    public String coalitionContact;
    public Instant signDeadline;
    public boolean organizationsMaySign = true;
    public boolean individualsMaySign;
    public boolean autoApproveIndividuals;
    @Enumerated(EnumType.STRING)
    public PdfGrouping pdfGrouping = PdfGrouping.NONE;

    private Integer currentVersion;
    private Instant textChangedAt;
    private Instant openedAt;
    private Instant closedAt;
    private Instant deliveredAt;
    private String deliveredTo;
    /** The addressees' email addresses, one per line; for delivery by email, never shown publicly. */
    private String addresseeEmails;
    private String deliveredHow;
    private Instant archivedAt;
    /** The language of the canonical text (a BCP 47 tag); translations are in {@link LetterTranslation}. */
    private String language = "en";

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Letter> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    // ----- lifecycle ---------------------------------------------------------------------------

    /** DRAFT → OPEN: freezes the working text as version 1. */
    public LetterVersion publish(Instant now) {
        if (signDeadline != null && !signDeadline.isAfter(now)) {
            throw new RuleException(AdminMsg::letter_deadline_passed_title, AdminMsg::letter_publish_deadline_passed);
        }
        moveTo(LetterState.OPEN, now);
        openedAt = now;
        return freezeText(now);
    }

    /** OPEN → CLOSED, by an organizer or because the deadline passed. */
    public void close(Instant now) {
        moveTo(LetterState.CLOSED, now);
        closedAt = now;
    }

    /** CLOSED → OPEN, with a new deadline (or none); a deadline in the past would close it again at once. */
    public void reopen(Instant now, Instant newDeadline) {
        if (newDeadline != null && !newDeadline.isAfter(now)) {
            throw new RuleException(AdminMsg::letter_deadline_passed_title, AdminMsg::letter_reopen_deadline_passed);
        }
        moveTo(LetterState.OPEN, now);
        signDeadline = newDeadline;
        closedAt = null;
    }

    /** CLOSED → DELIVERED: when, to whom and how the letter reached its addressees. */
    public void deliver(Instant now, Instant deliveredOn, String to, String how) {
        moveTo(LetterState.DELIVERED, now);
        deliveredAt = deliveredOn == null ? now : deliveredOn;
        deliveredTo = to;
        deliveredHow = how;
    }

    /** CLOSED or DELIVERED → ARCHIVED: read-only from now on. */
    public void archive(Instant now) {
        moveTo(LetterState.ARCHIVED, now);
        archivedAt = now;
    }

    /**
     * Freezes the current working text as the next version. Signatures made from now on record
     * that version; earlier signatures keep the one they saw.
     */
    public LetterVersion freezeText(Instant now) {
        if (state == LetterState.DRAFT) {
            throw new IllegalTransitionException("letter", state, LetterState.OPEN);
        }
        int next = currentVersion == null ? 1 : currentVersion + 1;
        if (currentVersion != null) {
            textChangedAt = now;
        }
        currentVersion = next;
        updatedAt = now;
        return LetterVersion.freeze(this, next, now);
    }

    private void moveTo(LetterState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("letter", state, target);
        }
        state = target;
        updatedAt = now;
    }

    // ----- questions ---------------------------------------------------------------------------

    /** Only an OPEN letter whose deadline has not passed takes signatures. */
    public boolean acceptsSignaturesAt(Instant now) {
        return state == LetterState.OPEN && !deadlinePassedAt(now);
    }

    public boolean deadlinePassedAt(Instant now) {
        return signDeadline != null && !now.isBefore(signDeadline);
    }

    public LetterState state() {
        return state;
    }

    public Integer currentVersion() {
        return currentVersion;
    }

    public Instant textChangedAt() {
        return textChangedAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String deliveredTo() {
        return deliveredTo;
    }

    public String deliveredHow() {
        return deliveredHow;
    }

    public Instant archivedAt() {
        return archivedAt;
    }

    public String addresseeEmails() {
        return addresseeEmails;
    }

    /** Where delivery by email goes (already checked, one address per line). */
    public void setAddresseeEmails(String addresses, Instant now) {
        addresseeEmails = addresses;
        updatedAt = now;
    }

    /** The language the letter is written in: the text that versions and digests cover. */
    public org.undersigned.web.Language language() {
        return new org.undersigned.web.Language(language);
    }

    /** Only a draft may say it is written in another language: published versions keep theirs. */
    public void writtenIn(org.undersigned.web.Language newLanguage, Instant now) {
        if (state != LetterState.DRAFT && !newLanguage.tag().equals(language)) {
            throw new RuleException(AdminMsg::letter_language_fixed_title, AdminMsg::letter_language_fixed);
        }
        language = newLanguage.tag();
        updatedAt = now;
    }
}
