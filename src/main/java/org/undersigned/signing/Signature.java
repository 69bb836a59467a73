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
 * One organization's or person's signature on one letter. The public details are what the letter
 * shows once approved; contact fields are private to the signer and the vetters. The state only
 * changes through the transition methods, each guarded by {@link SignatureState}.
 */
@Entity
@Table(name = "signature")
public class Signature extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "signature_seq", sequenceName = "signature_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id")
    private Letter letter;

    /** The text version the signer saw. */
    private int letterVersion;

    @Enumerated(EnumType.STRING)
    private SignatoryKind kind;

    @Enumerated(EnumType.STRING)
    private SignatureState state = SignatureState.UNCONFIRMED;

    private String source = "web";

    // Public once approved.
    private String displayName;
    private String affiliation;
    private String website;
    private String city;
    private String region;
    private String country;
    @Enumerated(EnumType.STRING)
    private OrgType orgType;
    private String sortKey;
    private String nameKey;
    /** The website's host without "www.", unless it is a shared host (see {@link Websites#identifyingDomain}). */
    private String websiteDomain;

    // Private.
    private String contactName;
    private String contactTitle;
    private String email;
    private String emailNormalized;
    private String phone;
    private boolean consentPublic;
    private boolean consentUpdates;

    private String confirmTokenHash;
    private Instant confirmExpiresAt;
    private Instant confirmedAt;
    private String manageTokenHash;
    private Instant manageExpiresAt;

    /** When an email to this address was refused for good (a vetting signal); set by {@link BouncedAddresses}. */
    private Instant emailBouncedAt;

    private Instant createdAt;
    private Instant updatedAt;
    private Instant decidedAt;
    private Long decidedBy;
    private String decisionNote;
    private Long duplicateOf;
    private Instant withdrawnAt;

    // Abuse signals and privacy.
    /** The client's address, kept only as long as abuse checks need it (see the retention job). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INET)
    private java.net.InetAddress clientIp;
    /** Why the form submission looked automated, if it did; such entries are never published without review. */
    @Enumerated(EnumType.STRING)
    private org.undersigned.abuse.BotSignal botSignal;
    private boolean disposableEmail;
    /** When contact details were removed (retention or the signer's own erasure). */
    private Instant anonymizedAt;

    @Version
    private long version;

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
     * A sign-on through the form or the API: UNCONFIRMED until the signer follows the
     * confirmation link whose hash is given here.
     */
    public static Signature signedOn(Letter letter, int letterVersion, SignOnInput input, String confirmTokenHash,
                                     Instant confirmExpiresAt, Instant now) {
        Signature s = new Signature();
        s.letter = letter;
        s.letterVersion = letterVersion;
        s.describeFrom(input);
        s.consentPublic = input.consentPublic();
        s.consentUpdates = input.consentUpdates();
        s.confirmTokenHash = confirmTokenHash;
        s.confirmExpiresAt = confirmExpiresAt;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /**
     * A new entry brought in from a list collected elsewhere (an organizer's import, or the dev
     * profile's demo data): it starts in the review queue, since no confirmation email was part
     * of its collection. The organizers collected it with their own consent wording; the list is
     * theirs to vouch for. The confirmation token is never sent: it only fills the column.
     */
    public static Signature imported(String source, Letter letter, SignOnInput input, String unusedConfirmTokenHash,
                                     Instant now) {
        Signature s = new Signature();
        s.state = SignatureState.PENDING_REVIEW;
        s.source = source;
        s.letter = letter;
        s.letterVersion = letter.currentVersion();
        s.describeFrom(input);
        s.consentPublic = true;
        s.confirmTokenHash = unusedConfirmTokenHash;
        s.confirmExpiresAt = now;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** Takes the signer's details from validated input. Shared by sign-on and import. */
    private void describeFrom(SignOnInput input) {
        kind = input.signatoryKind().orElseThrow();
        displayName = input.displayName();
        affiliation = input.affiliation();
        website = Websites.normalize(input.website()).orElse(null);
        city = input.city();
        region = input.region();
        country = input.country();
        orgType = OrgType.parse(input.orgType()).orElse(null);
        contactName = input.contactName();
        contactTitle = input.contactTitle();
        email = input.email();
        phone = input.phone();
        deriveKeys();
    }

    /** Every change to the details that keys derive from ends here (see {@link SignatoryKeys}). */
    private void deriveKeys() {
        SignatoryKeys keys = SignatoryKeys.of(kind, displayName, website, email);
        sortKey = keys.sortKey();
        nameKey = keys.nameKey();
        websiteDomain = keys.websiteDomain();
        emailNormalized = keys.emailNormalized();
    }

    /** The duplicate key this entry would have under {@code name}: only organizations have one. */
    public String nameKeyFor(String name) {
        return SignatoryKeys.nameKey(kind, name);
    }

    /** What the request said about its sender: kept for the vetters and abuse checks. */
    public void recordSignals(java.net.InetAddress clientIp, org.undersigned.abuse.BotSignal botSignal,
                              boolean disposableEmail) {
        this.clientIp = clientIp;
        this.botSignal = botSignal;
        this.disposableEmail = disposableEmail;
    }

    /**
     * The signer corrects how the entry is shown (a correction already validated). A changed
     * name, website or affiliation of an approved entry sends it back to review, unless the
     * letter approves such entries without review, so an approved name cannot be swapped for
     * another.
     */
    public void correct(CorrectionInput input, Instant now) {
        String newWebsite = Websites.normalize(input.website()).orElse(null);
        boolean identityChanged = !input.displayName().equals(displayName)
                || !java.util.Objects.equals(newWebsite, website)
                || !java.util.Objects.equals(input.affiliation(), affiliation);
        displayName = input.displayName();
        city = input.city();
        region = input.region();
        if (isOrganization()) {
            website = newWebsite;
            country = input.country();
        } else {
            affiliation = input.affiliation();
        }
        deriveKeys();
        updatedAt = now;
        boolean reviewed = !(kind == SignatoryKind.INDIVIDUAL && letter.autoApproveIndividuals);
        if (identityChanged && reviewed && state == SignatureState.APPROVED) {
            returnToReview(now);
        }
    }

    /** After the letter's text changed, the signer keeps the signature on {@code current}; true when that changed anything. */
    public boolean keepOnVersion(int current, Instant now) {
        if (letterVersion >= current || state == SignatureState.WITHDRAWN) {
            return false;
        }
        letterVersion = current;
        updatedAt = now;
        return true;
    }

    /** A fresh confirmation link replaces any earlier one; returns the raw token to email. */
    public String issueConfirmLink(org.undersigned.infra.Tokens tokens, Instant now, java.time.Duration ttl) {
        org.undersigned.infra.Tokens.Token token = tokens.issue();
        confirmTokenHash = token.hash();
        confirmExpiresAt = now.plus(ttl);
        updatedAt = now;
        return token.raw();
    }

    /** A fresh self-service link replaces any earlier one; returns the raw token to email. */
    public String issueManageLink(org.undersigned.infra.Tokens tokens, Instant now, java.time.Duration ttl) {
        org.undersigned.infra.Tokens.Token token = tokens.issue();
        manageTokenHash = token.hash();
        manageExpiresAt = now.plus(ttl);
        return token.raw();
    }

    // ----- transitions -------------------------------------------------------------------------

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
        if (original.id().equals(id) || !original.letter().id.equals(letter.id)) {
            throw new org.undersigned.web.RuleException(org.undersigned.web.AdminMsg::signature_not_duplicate_title,
                    org.undersigned.web.AdminMsg::signature_not_duplicate);
        }
        moveTo(SignatureState.DUPLICATE, now);
        decide(now, by, null);
        duplicateOf = original.id();
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

    public Long id() {
        return id;
    }

    public Letter letter() {
        return letter;
    }

    /** The text version the signer signed (or kept the signature on). */
    public int letterVersion() {
        return letterVersion;
    }

    public SignatoryKind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    public String displayName() {
        return displayName;
    }

    public String affiliation() {
        return affiliation;
    }

    public String website() {
        return website;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    public String country() {
        return country;
    }

    public OrgType orgType() {
        return orgType;
    }

    public String sortKey() {
        return sortKey;
    }

    public String nameKey() {
        return nameKey;
    }

    public String websiteDomain() {
        return websiteDomain;
    }

    public String contactName() {
        return contactName;
    }

    public String contactTitle() {
        return contactTitle;
    }

    public String email() {
        return email;
    }

    public String emailNormalized() {
        return emailNormalized;
    }

    public String phone() {
        return phone;
    }

    public boolean consentPublic() {
        return consentPublic;
    }

    public boolean consentUpdates() {
        return consentUpdates;
    }

    /** Only the hash of a link token is stored; the sign-on's one-statement insert writes it. */
    String confirmTokenHash() {
        return confirmTokenHash;
    }

    public Instant confirmExpiresAt() {
        return confirmExpiresAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    /** Only the hash of a link token is stored. */
    String manageTokenHash() {
        return manageTokenHash;
    }

    public Instant manageExpiresAt() {
        return manageExpiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Long decidedBy() {
        return decidedBy;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public Long duplicateOf() {
        return duplicateOf;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public java.net.InetAddress clientIp() {
        return clientIp;
    }

    public org.undersigned.abuse.BotSignal botSignal() {
        return botSignal;
    }

    public boolean disposableEmail() {
        return disposableEmail;
    }

    public Instant anonymizedAt() {
        return anonymizedAt;
    }

    /** The optimistic-lock version a decision must quote. */
    public long version() {
        return version;
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

    // ----- coalition (issue 13): partner attribution, category and sort name -------------------

    /** The partner whose sign-on link brought the signer, if any (same letter, by constraint). */
    private Long partnerId;
    /** "Share my contact details with the partner who invited me": its own consent, unticked by default. */
    private boolean consentShareWithPartner;
    /** The signatory category the signer picked among the letter's (same letter, by constraint). */
    private Long categoryId;
    /** How an individual files in the list (a family name); the sort key is derived from it when given. */
    private String sortName;

    /**
     * Where the entry files: its category and, for an individual, a sort name (the sort key is
     * re-derived through {@link SignatoryKeys#listSortKey}, the one place keys are derived).
     */
    public void placeInList(Long categoryId, String sortName) {
        this.categoryId = categoryId;
        this.sortName = kind == SignatoryKind.INDIVIDUAL && sortName != null && !sortName.isBlank() ? sortName : null;
        this.sortKey = SignatoryKeys.listSortKey(displayName, this.sortName);
    }

    /** The partner link the signer came through, and whether they agreed to share their contact with it. */
    public void attributeTo(Long partnerId, boolean shareContactWithPartner) {
        this.partnerId = partnerId;
        this.consentShareWithPartner = partnerId != null && shareContactWithPartner;
    }

    /** The signer's erasure: the sort name and the consent to share go too (the partner count stays, as counts do). */
    public void forgetListPlacementAndSharing() {
        sortName = null;
        consentShareWithPartner = false;
    }

    public Optional<Long> partnerId() {
        return Optional.ofNullable(partnerId);
    }

    public boolean sharesContactWithPartner() {
        return consentShareWithPartner;
    }

    public Optional<Long> categoryId() {
        return Optional.ofNullable(categoryId);
    }

    public Optional<String> sortName() {
        return Optional.ofNullable(sortName);
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
