package org.undersigned.signing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.undersigned.web.IllegalTransitionException;
import org.undersigned.letter.Letter;

import java.time.Instant;
import java.util.Optional;

/**
 * One organization's or person's signature on one letter. Public fields are what the letter
 * shows once approved; contact fields are private to the signer and the vetters. The state only
 * changes through the transition methods, each guarded by {@link SignatureState}.
 */
@Entity
@Table(name = "signature")
public class Signature extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "signature_seq", sequenceName = "signature_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id")
    public Letter letter;

    /** The text version the signer saw. */
    public int letterVersion;

    @Enumerated(EnumType.STRING)
    public SignatoryKind kind;

    @Enumerated(EnumType.STRING)
    private SignatureState state = SignatureState.UNCONFIRMED;

    public String source = "web";

    // Public once approved.
    public String displayName;
    public String affiliation;
    public String website;
    public String city;
    public String region;
    public String country;
    @Enumerated(EnumType.STRING)
    public OrgType orgType;
    public String sortKey;
    public String nameKey;
    /** The website's host without "www.", unless it is a shared host (see {@link Websites#identifyingDomain}). */
    public String websiteDomain;

    // Private.
    public String contactName;
    public String contactTitle;
    public String email;
    public String emailNormalized;
    public String phone;
    public boolean consentPublic;
    public boolean consentUpdates;

    public String confirmTokenHash;
    public Instant confirmExpiresAt;
    public Instant confirmedAt;
    public String manageTokenHash;
    public Instant manageExpiresAt;

    /** When an email to this address was refused for good (a vetting signal); set by {@link BouncedAddresses}. */
    private Instant emailBouncedAt;

    public Instant createdAt;
    public Instant updatedAt;
    public Instant decidedAt;
    public Long decidedBy;
    public String decisionNote;
    public Long duplicateOf;
    public Instant withdrawnAt;

    // Abuse signals and privacy.
    /** The client's address, kept only as long as abuse checks need it (see the retention job). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INET)
    public java.net.InetAddress clientIp;
    /** Why the form submission looked automated, if it did; such entries are never published without review. */
    @Enumerated(EnumType.STRING)
    public org.undersigned.abuse.BotSignal botSignal;
    public boolean disposableEmail;
    /** When contact details were removed (retention or the signer's own erasure). */
    public Instant anonymizedAt;

    @Version
    public long version;

    public static Optional<Signature> findByConfirmTokenHash(String hash) {
        return find("confirmTokenHash", hash).firstResultOptional();
    }

    public static Optional<Signature> findByManageTokenHash(String hash) {
        return find("manageTokenHash", hash).firstResultOptional();
    }

    /**
     * The live (not withdrawn) entry for this signer and organization on this letter, if any,
     * locked for update: repeated sign-ons for one entry arriving together take turns.
     */
    public static Optional<Signature> findLiveForUpdate(long letterId, SignatoryKind kind, String emailNormalized,
                                                        String nameKey) {
        return find("letter.id = ?1 and kind = ?2 and emailNormalized = ?3 and nameKey = ?4 and state <> ?5",
                letterId, kind, emailNormalized, nameKey, SignatureState.WITHDRAWN)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The live (not withdrawn) entry for this signer and organization on this letter, if any. */
    public static Optional<Signature> findLive(long letterId, SignatoryKind kind, String emailNormalized, String nameKey) {
        return find("letter.id = ?1 and kind = ?2 and emailNormalized = ?3 and nameKey = ?4 and state <> ?5",
                letterId, kind, emailNormalized, nameKey, SignatureState.WITHDRAWN).firstResultOptional();
    }

    /**
     * Takes the signer's details from validated input, with the keys derived from them (sort and
     * duplicate keys, website domain, normalized email). Shared by sign-on and import.
     */
    public void describeFrom(SignOnInput input) {
        kind = input.signatoryKind().orElseThrow();
        displayName = input.displayName();
        sortKey = NameKeys.sortKey(displayName);
        nameKey = kind == SignatoryKind.ORGANIZATION ? NameKeys.nameKey(displayName) : "";
        affiliation = input.affiliation();
        website = Websites.normalize(input.website()).orElse(null);
        websiteDomain = Websites.identifyingDomain(website);
        city = input.city();
        region = input.region();
        country = input.country();
        orgType = OrgType.parse(input.orgType()).orElse(null);
        contactName = input.contactName();
        contactTitle = input.contactTitle();
        email = input.email();
        emailNormalized = org.undersigned.infra.EmailAddresses.normalize(input.email());
        phone = input.phone();
    }

    // ----- transitions -------------------------------------------------------------------------

    /**
     * A new entry brought in from a list collected elsewhere (an organizer's import): it starts
     * in the review queue, since no confirmation email was part of its collection.
     */
    public static Signature imported(String source) {
        Signature s = new Signature();
        s.state = SignatureState.PENDING_REVIEW;
        s.source = source;
        return s;
    }

    /** The signer proved the address: straight to APPROVED where the letter allows it, else to review. */
    public void confirm(Instant now, boolean approveWithoutReview) {
        requireState(approveWithoutReview ? SignatureState.APPROVED : SignatureState.PENDING_REVIEW,
                SignatureState.UNCONFIRMED);
        moveTo(approveWithoutReview ? SignatureState.APPROVED : SignatureState.PENDING_REVIEW, now);
        confirmedAt = now;
        if (approveWithoutReview) {
            decidedAt = now;
        }
    }

    /** A vetter's decision: only for confirmed entries waiting for review. */
    public void approve(Instant now, Long by) {
        requireState(SignatureState.APPROVED, SignatureState.PENDING_REVIEW);
        moveTo(SignatureState.APPROVED, now);
        decide(now, by, null);
    }

    public void reject(Instant now, Long by, String reason) {
        requireState(SignatureState.REJECTED, SignatureState.PENDING_REVIEW, SignatureState.APPROVED);
        moveTo(SignatureState.REJECTED, now);
        decide(now, by, reason);
    }

    /** The same signer or organization is already on the letter as {@code original}. */
    public void markDuplicateOf(Signature original, Instant now, Long by) {
        requireState(SignatureState.DUPLICATE, SignatureState.PENDING_REVIEW, SignatureState.APPROVED);
        if (original.id.equals(id) || !original.letter.id.equals(letter.id)) {
            throw new org.undersigned.web.RuleException("Not a duplicate of that entry",
                    "An entry can only duplicate another entry on the same letter.");
        }
        moveTo(SignatureState.DUPLICATE, now);
        decide(now, by, null);
        duplicateOf = original.id;
    }

    /** Back to the queue: a vetter reopens a decision, or the signer changed an approved entry. */
    public void returnToReview(Instant now) {
        requireState(SignatureState.PENDING_REVIEW, SignatureState.APPROVED, SignatureState.REJECTED,
                SignatureState.DUPLICATE);
        moveTo(SignatureState.PENDING_REVIEW, now);
        decidedAt = null;
        decidedBy = null;
        decisionNote = null;
        duplicateOf = null;
    }

    private void decide(Instant now, Long by, String note) {
        decidedAt = now;
        decidedBy = by;
        decisionNote = note;
    }

    /** The signer takes the signature back; it leaves the public list at once. */
    public void withdraw(Instant now) {
        moveTo(SignatureState.WITHDRAWN, now);
        withdrawnAt = now;
    }

    /** An admin's bulk invalidation takes any live entry out of the list and the queue. */
    public void invalidate(Instant now) {
        requireState(SignatureState.INVALIDATED, SignatureState.UNCONFIRMED, SignatureState.PENDING_REVIEW,
                SignatureState.APPROVED, SignatureState.REJECTED, SignatureState.DUPLICATE);
        moveTo(SignatureState.INVALIDATED, now);
    }

    /** Reversing an invalidation: back to the state the entry had before it. */
    public void restoreAfterInvalidation(SignatureState previous, Instant now) {
        requireState(previous, SignatureState.INVALIDATED);
        if (previous == SignatureState.INVALIDATED || previous == SignatureState.WITHDRAWN) {
            throw new IllegalTransitionException("signature", state, previous);
        }
        moveTo(previous, now);
    }

    /**
     * Removes everything that lets anyone identify or reach the signer privately: contact
     * details, client address, link tokens. The public entry (name, affiliation, place) stays, so
     * the delivered letter and its counts are unchanged. Used by the retention job.
     */
    public void removeContactDetails(Instant now) {
        contactName = null;
        contactTitle = null;
        email = null;
        emailNormalized = null;
        phone = null;
        clientIp = null;
        confirmTokenHash = null;
        confirmExpiresAt = null;
        manageTokenHash = null;
        manageExpiresAt = null;
        anonymizedAt = now;
        updatedAt = now;
    }

    /**
     * The signer's own erasure: the entry leaves the letter (withdrawn) and keeps nothing about
     * them, not even the name. The empty row remains only so that list versions and counts stay
     * consistent.
     */
    public void erase(Instant now) {
        if (state != SignatureState.WITHDRAWN) {
            moveTo(SignatureState.WITHDRAWN, now);
            withdrawnAt = now;
        }
        displayName = "";
        sortKey = "";
        nameKey = "";
        affiliation = null;
        website = null;
        websiteDomain = null;
        city = null;
        region = null;
        country = null;
        orgType = null;
        decisionNote = null;
        removeContactDetails(now);
    }

    /** Each action also says where it may start from: the graph allows UNCONFIRMED → APPROVED only by confirmation. */
    private void requireState(SignatureState target, SignatureState... from) {
        for (SignatureState allowed : from) {
            if (state == allowed) {
                return;
            }
        }
        throw new IllegalTransitionException("signature", state, target);
    }

    private void moveTo(SignatureState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("signature", state, target);
        }
        state = target;
        updatedAt = now;
    }

    // ----- questions ---------------------------------------------------------------------------

    public SignatureState state() {
        return state;
    }

    public boolean isOrganization() {
        return kind == SignatoryKind.ORGANIZATION;
    }

    public boolean confirmLinkExpiredAt(Instant now) {
        return confirmExpiresAt == null || !now.isBefore(confirmExpiresAt);
    }

    public boolean manageLinkExpiredAt(Instant now) {
        return manageExpiresAt == null || !now.isBefore(manageExpiresAt);
    }

    public Optional<Instant> emailBouncedAt() {
        return Optional.ofNullable(emailBouncedAt);
    }

    /** The signer no longer wants campaign updates (an unsubscribe link); true when that changed anything. */
    public boolean stopUpdates(Instant now) {
        if (!consentUpdates) {
            return false;
        }
        consentUpdates = false;
        updatedAt = now;
        return true;
    }

    // ----- languages (issue 14) ----------------------------------------------------------------

    /** The language of the text the signer read; with {@link #letterVersion}, {@link #textSha256} names that exact text. */
    @jakarta.persistence.Column(name = "text_language")
    private String textLanguage;

    /** The SHA-256 of the exact text the signer saw: the version's, or its translation's. */
    @jakarta.persistence.Column(name = "text_sha256")
    private String textSha256;

    /** The interface language the signer used: their emails are written in it. */
    @jakarta.persistence.Column(name = "language")
    private String language = "en";

    /** Records what the signer read (the text's language and digest) and the language to write to them in. */
    public void readIn(org.undersigned.web.Language text, String sha256, org.undersigned.web.Language ui) {
        textLanguage = text == null ? null : text.tag();
        textSha256 = sha256;
        language = ui.tag();
    }

    /** The signer now stands on another text (the current version): its language and digest. */
    public void nowStandsOn(org.undersigned.web.Language text, String sha256) {
        textLanguage = text.tag();
        textSha256 = sha256;
    }

    public Optional<org.undersigned.web.Language> textLanguage() {
        return Optional.ofNullable(textLanguage).map(org.undersigned.web.Language::new);
    }

    public Optional<String> textSha256() {
        return Optional.ofNullable(textSha256);
    }

    /** The language the signer's emails and pages are written in. */
    public org.undersigned.web.Language language() {
        return new org.undersigned.web.Language(language);
    }
}
