package org.undersigned.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.infra.Tokens;
import org.undersigned.letter.PublicPageChanged;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;

import java.time.Instant;
import java.util.List;

/**
 * A signer's control over their own data, through the self-service link: a copy of everything
 * stored about their entry, and erasure of it.
 */
@ApplicationScoped
public class SignerData {

    /** Everything stored about one entry, in plain field names. */
    public record Export(String explanation, Instant exportedAt, Entry entry, List<Email> emails, List<Event> history) {
    }

    public record Entry(long id, String letter, String letterTitle, int textVersionSigned, String kind, String state,
                        String source, String displayName, String affiliation, String website, String city,
                        String region, String country, String organizationType, String contactName,
                        String contactTitle, String email, String phone, boolean agreedToBeListed,
                        boolean agreedToUpdates, String clientAddress, boolean flaggedThrowawayAddress,
                        String flaggedAsAutomated, Instant signedAt, Instant confirmedAt, Instant decidedAt,
                        String decisionNote, Instant withdrawnAt, Instant updatedAt) {
    }

    public record Email(String kind, String to, String subject, Instant queuedAt, Instant sentAt, String body) {
    }

    public record Event(Instant at, String by, String action, String before, String after) {
    }

    @Inject
    RetentionConfig retention;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<PublicPageChanged> pageChanged;

    @Transactional
    public Export export(String manageToken) {
        Signature s = requireManageable(manageToken);
        List<Email> emails = OutboxEmail.<OutboxEmail>list("signatureId = ?1 order by id", s.id).stream()
                .map(m -> new Email(m.kind, m.recipient, m.subject, m.createdAt, m.sentAt, m.bodyText)).toList();
        List<Event> history = audit.forSignature(s.id).stream()
                .map(e -> new Event(e.at(), e.actor(), e.action(), e.before(), e.after())).toList();
        Entry entry = new Entry(s.id, s.letter.slug, s.letter.title, s.letterVersion, s.kind.name(), s.state().name(),
                s.source, s.displayName, s.affiliation, s.website, s.city, s.region, s.country,
                s.orgType == null ? null : s.orgType.name(), s.contactName, s.contactTitle, s.email, s.phone,
                s.consentPublic, s.consentUpdates, s.clientIp == null ? null : s.clientIp.getHostAddress(),
                s.disposableEmail, s.botSignal == null ? null : s.botSignal.name(), s.createdAt, s.confirmedAt,
                s.decidedAt, s.decisionNote, s.withdrawnAt, s.updatedAt);
        return new Export("Everything Undersigned stores about your signature on \"" + s.letter.title
                + "\": the entry, the emails we sent you about it (deleted " + days(retention.sentEmails())
                + " after they were written), and its history. Your client address is kept for "
                + days(retention.clientAddresses()) + ", for abuse checks only.", Instant.now(), entry, emails, history);
    }

    /**
     * Erases the entry: it leaves the letter, every personal detail is removed, the emails about
     * it are deleted, and its audit history keeps only what happened and when (not the values).
     */
    @Transactional
    public void erase(String manageToken) {
        Signature s = requireManageable(manageToken);
        Instant now = Instant.now();
        boolean wasPublic = s.state() == SignatureState.APPROVED;
        s.erase(now);
        em.createNativeQuery("delete from outbox_email where signature_id = ?1").setParameter(1, s.id).executeUpdate();
        em.createNativeQuery("update audit_event set before = null, after = null, redacted_at = ?2 "
                        + "where signature_id = ?1 and redacted_at is null")
                .setParameter(1, s.id).setParameter(2, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .executeUpdate();
        audit.record(Actor.SIGNER, "signature.erased", AuditLog.Subject.signature(s.letter.id, s.id), null, null);
        if (wasPublic) {
            pageChanged.fire(new PublicPageChanged(s.letter.id));
        }
    }

    private static Signature requireManageable(String rawToken) {
        Instant now = Instant.now();
        return Tokens.hashOf(rawToken).flatMap(Signature::findByManageTokenHash)
                .filter(s -> !s.manageLinkExpiredAt(now))
                .orElseThrow(NotFoundException::new);
    }

    private static String days(java.time.Duration period) {
        long days = period.toDays();
        return days == 1 ? "1 day" : days + " days";
    }
}
