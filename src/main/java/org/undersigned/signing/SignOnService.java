package org.undersigned.signing;

import org.undersigned.abuse.BotSignal;
import org.undersigned.abuse.DisposableEmails;
import org.undersigned.abuse.IpRange;
import org.undersigned.abuse.MailQuota;
import org.undersigned.infra.EmailAddresses;
import org.undersigned.infra.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterNotOpenException;
import org.undersigned.letter.LetterState;
import org.undersigned.web.Dates;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Public sign-on and everything a signer can do with their magic links. Each method is one
 * transaction (sign-on's usual case: one statement): the change and the email it causes commit
 * together or not at all.
 */
@ApplicationScoped
public class SignOnService {

    @Inject
    org.undersigned.mail.MailBackpressure backpressure;

    @Inject
    SignOnValidation validation;

    @Inject
    SignOnLetters letters;


    @Inject
    SignatureInserts inserts;

    @Inject
    Tokens tokens;

    @Inject
    SignerEmails emails;

    @Inject
    SigningConfig config;

    @Inject
    Dates dates;

    @Inject
    AuditLog audit;

    @Inject
    DisposableEmails disposable;

    @Inject
    MailQuota mailQuota;

    @Inject
    SignOnCoalitions coalitions;

    @Inject
    org.undersigned.logos.Logos logos;

    @Inject
    SignOnMetrics metrics;

    @Inject
    jakarta.enterprise.event.Event<org.undersigned.letter.PublicPageChanged> pageChanged;

    @Inject
    org.undersigned.web.PageLanguages pageLanguages;

    @Inject
    org.undersigned.web.Languages languages;

    @Inject
    org.undersigned.letter.LetterTexts texts;

    /**
     * Records a signature as UNCONFIRMED and queues the confirmation email. When the same address
     * has already signed for the same organization, nothing new is stored; the address's owner is
     * told privately instead. The caller cannot tell the two apart, by design.
     * <p>
     * The one method here without {@code @Transactional}, on purpose: the usual case writes with a
     * single SQL statement (signature and outbox email together), which PostgreSQL commits
     * atomically on its own. Running it in autocommit spares a JTA transaction and the separate
     * COMMIT round trip on the path that must take thousands of sign-ons a second. The rarer
     * paths that read and then write run in a transaction of their own.
     */
    public void signOn(String slug, SignOnInput input, SignOnContext context) {
        signOn(slug, input, SignOnChoices.none(), null, context, null, null);
    }

    /**
     * @param lang           the language the signer chose in the address ({@code ?lang=}), if any
     * @param acceptLanguage their browser's preferences, if any; with {@code lang} they decide which
     *                       text the signature records (language and digest) and the language of the emails
     */
    public void signOn(String slug, SignOnInput input, SignOnContext context, String lang, String acceptLanguage) {
        signOn(slug, input, SignOnChoices.none(), null, context, lang, acceptLanguage);
    }

    /**
     * As {@link #signOn(String, SignOnInput, SignOnContext, String, String)}, with the partner, category and sort
     * name the form carried and an organization's logo as uploaded (re-encoded here, stored
     * waiting for a vetter; null for none). An unknown partner code is no attribution, not an error.
     */
    public void signOn(String slug, SignOnInput input, SignOnChoices choices, byte[] logoUpload, SignOnContext context,
                       String lang, String acceptLanguage) {
        SignOnMetrics.Outcome outcome;
        try {
            outcome = signOnCounted(slug, input, choices, logoUpload, context, lang, acceptLanguage);
        } catch (InvalidInputException e) {
            metrics.count(SignOnMetrics.Outcome.INVALID_INPUT);
            throw e;
        } catch (LetterNotOpenException e) {
            metrics.count(SignOnMetrics.Outcome.LETTER_NOT_OPEN);
            throw e;
        } catch (NotFoundException e) {
            metrics.count(SignOnMetrics.Outcome.UNKNOWN_LETTER);
            throw e;
        }
        metrics.count(outcome);
    }

    private SignOnMetrics.Outcome signOnCounted(String slug, SignOnInput input, SignOnChoices choices, byte[] logoUpload,
                                                SignOnContext context, String lang, String acceptLanguage) {
        SignOnLetters.Facts letter = letters.find(slug).orElseThrow(NotFoundException::new);
        Instant now = Instant.now();
        var available = new java.util.ArrayList<org.undersigned.web.Language>(List.of(letter.language()));
        letter.texts().keySet().stream().filter(l -> !l.equals(letter.language()))
                .sorted(java.util.Comparator.comparing(org.undersigned.web.Language::tag)).forEach(available::add);
        var pl = pageLanguages.forLetter("", available, lang, acceptLanguage);
        org.undersigned.web.Msg text = languages.msg(pl.ui());
        if (!letter.acceptsSignaturesAt(now)) {
            QuarkusTransaction.joiningExisting().run(() -> requireOpen(Letter.findById(letter.id()), now, pl.ui()));
        }
        FormErrors errors = validation.check(input, letter.organizationsMaySign(), letter.individualsMaySign(),
                languages.msg(pl.ui()));
        SignOnCoalitions.Facts coalition = coalitions.of(letter.id());
        Optional<Long> category = coalition.category(choices.category());
        if (!coalition.categories().isEmpty() && category.isEmpty()) {
            errors.add("category", text.signon_category_required());
        }
        if (choices.sortName() != null && choices.sortName().length() > 200) {
            errors.add("sortName", text.validation_tooLong("200"));
        }
        org.undersigned.logos.LogoImage.Encoded logo = null;
        if (logoUpload != null && logoUpload.length > 0 && !input.isIndividual()) {
            try {
                logo = org.undersigned.logos.LogoImage.reencode(logoUpload);
            } catch (org.undersigned.logos.LogoImage.Refused refused) {
                errors.add("logo", refused.detail());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // When the outbox lags behind, intake waits a little so that confirmations keep up.
        backpressure.pace();
        Tokens.Token confirm = tokens.issue();
        // The hot path neither reads the letter row nor opens a Hibernate session: an id is all the insert needs.
        Letter ref = new Letter();
        ref.id = letter.id();
        Signature s = Signature.signedOn(ref, letter.version(), input, confirm.hash(),
                now.plus(config.confirmLinkTtl()), now);
        SignOnLetters.Text seen = letter.text(pl.content());
        s.readIn(seen.language(), seen.sha256(), pl.ui());
        s.placeInList(category.orElse(null), choices.sortName());
        coalition.partner(choices.partner()).ifPresent(p -> s.attributeTo(p.id(), choices.shareWithPartner()));
        s.recordSignals(IpRange.literal(context.clientIp()).map(SignOnService::address).orElse(null),
                context.botSignal(), disposable.isDisposable(EmailAddresses.domain(s.email())));
        if (s.botSignal() == BotSignal.HONEYPOT) {
            // Certainly not a person: keep the entry for the vetters' overview, but email nobody
            // (the address may be someone else's). Its logo is not kept.
            QuarkusTransaction.joiningExisting().run(() -> inserts.insertIfNew(s));
            return SignOnMetrics.Outcome.HONEYPOT;
        }
        if (!mailQuota.tryTake(s.email(), letter.id())) {
            // Over the address's (or letter's) email quota: the entry is kept, the email is not
            // sent, and the answer is the same. The signer can ask for a link later.
            Optional<Long> created = QuarkusTransaction.joiningExisting().call(() -> inserts.insertIfNew(s));
            storeLogo(created, letter.id(), logo, now);
            return SignOnMetrics.Outcome.OVER_MAIL_QUOTA;
        }
        Optional<Long> queued = inserts.insertWithEmail(s, emails.confirmationDraft(s, seen.title(), confirm.raw(), false));
        storeLogo(queued, letter.id(), logo, now);
        if (queued.isEmpty()) {
            QuarkusTransaction.joiningExisting().run(() -> remindExisting(
                    Signature.findLiveForUpdate(letter.id(), s.kind(), s.emailNormalized(), s.nameKey()).orElseThrow(), now));
            return SignOnMetrics.Outcome.ALREADY_SIGNED;
        }
        return SignOnMetrics.Outcome.NEW;
    }

    /**
     * A logo goes only with an entry this sign-on created (never onto someone's existing entry),
     * in its own short transaction after the insert; it waits for a vetter either way.
     */
    private void storeLogo(Optional<Long> createdSignature, long letterId, org.undersigned.logos.LogoImage.Encoded logo,
                           Instant now) {
        if (logo != null && createdSignature.isPresent()) {
            QuarkusTransaction.requiringNew().run(() -> logos.store(createdSignature.get(), letterId, logo, now));
        }
    }

    /** What the confirmation link leads to, without changing anything (mail scanners follow links). */
    @Transactional
    public SignerLink inspectConfirmLink(String rawToken) {
        Optional<Signature> found = Tokens.hashOf(rawToken).flatMap(Signature::findByConfirmTokenHash);
        if (found.isEmpty()) {
            return SignerLink.unknown();
        }
        Signature s = found.get();
        Instant now = Instant.now();
        return new SignerLink(confirmLinkStatus(s, now), view(s, now));
    }

    /**
     * Confirms the signature behind a confirmation link and opens self-service for it.
     *
     * @return the new self-service token, or empty when the link could not be used (see
     * {@link #inspectConfirmLink})
     */
    @Transactional
    public Optional<String> confirm(String rawToken) {
        Optional<Signature> found = Tokens.hashOf(rawToken).flatMap(Signature::findByConfirmTokenHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Signature s = found.get();
        Instant now = Instant.now();
        if (confirmLinkStatus(s, now) != SignerLink.Status.VALID) {
            return Optional.empty();
        }
        // Entries that looked automated always meet a vetter, even where individuals are approved on confirmation.
        boolean autoApprove = s.kind() == SignatoryKind.INDIVIDUAL && s.letter().autoApproveIndividuals && s.botSignal() == null;
        SignatureState before = s.state();
        s.confirm(now, autoApprove);
        recordState(s, "signature.confirmed", before);
        if (autoApprove) {
            publicListChanged(s);
        }
        return Optional.of(rotateManageToken(s, now));
    }

    /** Emails a fresh link for the entry behind an expired or used confirmation link. */
    @Transactional
    public void renewFromConfirmLink(String rawToken) {
        Tokens.hashOf(rawToken).flatMap(Signature::findByConfirmTokenHash)
                .ifPresent(s -> sendFreshLink(s, Instant.now()));
    }

    @Transactional
    public SignerLink inspectManageLink(String rawToken) {
        Optional<Signature> found = Tokens.hashOf(rawToken).flatMap(Signature::findByManageTokenHash);
        if (found.isEmpty()) {
            return SignerLink.unknown();
        }
        Signature s = found.get();
        Instant now = Instant.now();
        SignerLink.Status status = s.manageLinkExpiredAt(now) ? SignerLink.Status.EXPIRED : SignerLink.Status.VALID;
        return new SignerLink(status, view(s, now));
    }

    @Transactional
    public void renewFromManageLink(String rawToken) {
        Tokens.hashOf(rawToken).flatMap(Signature::findByManageTokenHash)
                .ifPresent(s -> sendFreshLink(s, Instant.now()));
    }

    /** The signer no longer wants campaign updates (from the self-service page). */
    @Transactional
    public void stopUpdates(String rawToken) {
        Signature s = requireManageable(rawToken);
        if (s.stopUpdates(Instant.now())) {
            audit.record(Actor.SIGNER, "signature.unsubscribed", Subject.signature(s.letter().id, s.id()),
                    AuditLog.values("consentUpdates", true), AuditLog.values("consentUpdates", false));
        }
    }

    /** The signer takes their signature back; it leaves the public list immediately. */
    @Transactional
    public SignerLink withdraw(String rawToken) {
        Signature s = requireManageable(rawToken);
        Instant now = Instant.now();
        if (s.state() != SignatureState.WITHDRAWN) {
            SignatureState before = s.state();
            s.withdraw(now);
            recordState(s, "signature.withdrawn", before);
            if (before == SignatureState.APPROVED) {
                publicListChanged(s);
            }
        }
        return new SignerLink(SignerLink.Status.VALID, view(s, now));
    }

    /**
     * The signer corrects how their entry is shown. A change to the name, website or affiliation
     * of an entry that was already approved sends it back to review (unless the letter approves
     * such entries without review), so an approved name cannot be swapped for another.
     */
    @Transactional
    public SignerLink correct(String rawToken, CorrectionInput input) {
        Signature s = requireManageable(rawToken);
        Instant now = Instant.now();
        if (s.state() == SignatureState.WITHDRAWN) {
            return new SignerLink(SignerLink.Status.VALID, view(s, now));
        }
        FormErrors errors = validation.checkCorrection(input, s.kind(), languages.msg(s.language()));
        String newNameKey = s.nameKeyFor(input.displayName() == null ? s.displayName() : input.displayName());
        if (errors.isEmpty() && !newNameKey.equals(s.nameKey())) {
            Signature.findLive(s.letter().id, s.kind(), s.emailNormalized(), newNameKey)
                    .filter(other -> !other.id().equals(s.id()))
                    .ifPresent(other -> errors.add("displayName", languages.msg(s.language()).validation_already_signed_as()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var before = publicDetails(s);
        SignatureState stateBefore = s.state();
        s.correct(input, now);
        s.placeInList(s.categoryId().orElse(null), s.sortName().orElse(null)); // re-derives the sort key, keeping the sort name
        var after = publicDetails(s);
        after.put("state", s.state().name());
        before.put("state", stateBefore.name());
        audit.record(Actor.SIGNER, "signature.corrected", Subject.signature(s.letter().id, s.id()), before, after);
        if (stateBefore == SignatureState.APPROVED) {
            publicListChanged(s);
        }
        return new SignerLink(SignerLink.Status.VALID, view(s, now));
    }

    /**
     * After the letter's text changed, the signer keeps their signature on the current version
     * (the alternative, withdrawing, is {@link #withdraw}).
     */
    @Transactional
    public SignerLink keepOnCurrentVersion(String rawToken) {
        Signature s = requireManageable(rawToken);
        Instant now = Instant.now();
        int current = s.letter().currentVersion();
        int before = s.letterVersion();
        if (s.keepOnVersion(current, now)) {
            var standing = texts.text(s.letter(), s.textLanguage().orElse(s.letter().language()));
            s.nowStandsOn(standing.language(), standing.sha256());
            audit.record(Actor.SIGNER, "signature.kept-after-text-change", Subject.signature(s.letter().id, s.id()),
                    AuditLog.values("letterVersion", before), AuditLog.values("letterVersion", current));
        }
        return new SignerLink(SignerLink.Status.VALID, view(s, now));
    }

    /**
     * "Lost your link?": emails a fresh link for every live entry of this address on this letter.
     * Says nothing about whether there were any.
     */
    @Transactional
    public void sendLinksByEmail(String slug, String email) {
        if (email == null || !EmailAddresses.isValid(email)) {
            return;
        }
        Letter letter = Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
        Instant now = Instant.now();
        List<Signature> entries = Signature.list("letter.id = ?1 and emailNormalized = ?2",
                letter.id, EmailAddresses.normalize(email));
        entries.forEach(s -> sendFreshLink(s, now));
    }

    // ----- helpers -----------------------------------------------------------------------------

    private static java.net.InetAddress address(byte[] bytes) {
        try {
            return java.net.InetAddress.getByAddress(bytes); // from bytes: no name lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Refuses a sign-on to a letter that no longer takes them, saying why in the signer's language. */
    private void requireOpen(Letter letter, Instant now, org.undersigned.web.Language reader) {
        if (letter.acceptsSignaturesAt(now)) {
            return;
        }
        org.undersigned.web.Msg text = languages.msg(reader);
        if (letter.state() == LetterState.OPEN || letter.state() == LetterState.CLOSED) {
            throw new LetterNotOpenException(text.letter_not_open_title(), text.letter_closed(letter.title,
                    letter.signDeadline == null ? null : dates.dateTime(letter.signDeadline, reader)));
        }
        throw new LetterNotOpenException(text.letter_not_open_title(), text.letter_delivered(letter.title));
    }

    private void remindExisting(Signature existing, Instant now) {
        if (existing.state() == SignatureState.UNCONFIRMED) {
            String token = rotateConfirmToken(existing, now);
            emails.confirmation(existing, token, true);
        } else {
            emails.alreadySigned(existing, rotateManageToken(existing, now));
        }
    }

    private void sendFreshLink(Signature s, Instant now) {
        if (!mailQuota.tryTake(s.email(), s.letter().id)) {
            return; // over the email quota: silently nothing, the requester's answer is the same
        }
        if (s.state() == SignatureState.UNCONFIRMED) {
            if (s.letter().acceptsSignaturesAt(now)) {
                emails.confirmation(s, rotateConfirmToken(s, now), true);
            }
        } else {
            emails.freshManageLink(s, rotateManageToken(s, now));
        }
    }

    private String rotateConfirmToken(Signature s, Instant now) {
        return s.issueConfirmLink(tokens, now, config.confirmLinkTtl());
    }

    private String rotateManageToken(Signature s, Instant now) {
        return s.issueManageLink(tokens, now, config.manageLinkTtl());
    }

    private SignerLink.Status confirmLinkStatus(Signature s, Instant now) {
        if (s.confirmedAt() != null || s.state() != SignatureState.UNCONFIRMED) {
            return SignerLink.Status.USED;
        }
        if (s.confirmLinkExpiredAt(now)) {
            return SignerLink.Status.EXPIRED;
        }
        if (!s.letter().acceptsSignaturesAt(now)) {
            return SignerLink.Status.LETTER_CLOSED;
        }
        return SignerLink.Status.VALID;
    }

    private Signature requireManageable(String rawToken) {
        Instant now = Instant.now();
        return Tokens.hashOf(rawToken).flatMap(Signature::findByManageTokenHash)
                .filter(s -> !s.manageLinkExpiredAt(now))
                .orElseThrow(NotFoundException::new);
    }

    private void publicListChanged(Signature s) {
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(s.letter().id));
    }

    private void recordState(Signature s, String action, SignatureState before) {
        audit.record(Actor.SIGNER, action, Subject.signature(s.letter().id, s.id()),
                AuditLog.values("state", before), AuditLog.values("state", s.state()));
    }

    private static java.util.Map<String, Object> publicDetails(Signature s) {
        return AuditLog.values("displayName", s.displayName(), "website", s.website(), "affiliation", s.affiliation(),
                "city", s.city(), "region", s.region(), "country", s.country());
    }

    private EntryView view(Signature s, Instant now) {
        org.undersigned.web.Language language = s.language();
        return EntryView.of(s, dates.date(s.createdAt(), language), s.letter().acceptsSignaturesAt(now),
                languages.msg(language), language);
    }

}
