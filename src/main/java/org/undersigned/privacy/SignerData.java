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
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    jakarta.enterprise.event.Event<PublicPageChanged> pageChanged;

    @Transactional
    public Export export(String manageToken) {
        Signature s = requireManageable(manageToken);
        List<Email> emails = OutboxEmail.<OutboxEmail>list("signatureId = ?1 order by id", s.id()).stream()
                .map(m -> new Email(m.kind, m.recipient, m.subject, m.createdAt, m.sentAt, m.bodyText)).toList();
        List<AuditLog.Entry> trail = audit.forSignature(s.id());
        // The signer sees what happened to their entry, not who on the coalition's staff did it,
        // nor a note they were not told.
        List<Event> history = trail.stream()
                .map(e -> new Event(e.at(), byWhom(e.actor()), e.action(), forSigner(e.before()), forSigner(e.after())))
                .toList();
        boolean toldTheReason = trail.stream().filter(e -> "signature.rejected".equals(e.action())).findFirst()
                .map(e -> signerWasEmailed(e.after())).orElse(false);
        Entry entry = new Entry(s.id(), s.letter().slug, s.letter().title, s.letterVersion(), s.kind().name(), s.state().name(),
                s.source(), s.displayName(), s.affiliation(), s.website(), s.city(), s.region(), s.country(),
                s.orgType() == null ? null : s.orgType().name(), s.contactName(), s.contactTitle(), s.email(), s.phone(),
                s.consentPublic(), s.consentUpdates(), s.clientIp() == null ? null : s.clientIp().getHostAddress(),
                s.disposableEmail(), s.botSignal() == null ? null : s.botSignal().name(), s.createdAt(), s.confirmedAt(),
                s.decidedAt(), toldTheReason ? s.decisionNote() : null, s.withdrawnAt(), s.updatedAt());
        return new Export("Everything Undersigned stores about your signature on \"" + s.letter().title
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
        em.createNativeQuery("delete from outbox_email where signature_id = ?1").setParameter(1, s.id()).executeUpdate();
        em.createNativeQuery("update audit_event set before = null, after = null, redacted_at = ?2 "
                        + "where signature_id = ?1 and redacted_at is null")
                .setParameter(1, s.id()).setParameter(2, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .executeUpdate();
        audit.record(Actor.SIGNER, "signature.erased", AuditLog.Subject.signature(s.letter().id, s.id()), null, null);
        if (wasPublic) {
            pageChanged.fire(new PublicPageChanged(s.letter().id));
        }
    }

    private static Signature requireManageable(String rawToken) {
        Instant now = Instant.now();
        return Tokens.hashOf(rawToken).flatMap(Signature::findByManageTokenHash)
                .filter(s -> !s.manageLinkExpiredAt(now))
                .orElseThrow(NotFoundException::new);
    }

    /** Staff stay anonymous: the signer learns that the coalition acted, not which person. */
    static String byWhom(String actor) {
        if (Actor.SIGNER.label().equals(actor)) {
            return "you";
        }
        if (Actor.SYSTEM.label().equals(actor)) {
            return "Undersigned (automatically)";
        }
        return "the coalition's team";
    }

    /**
     * An audit entry's values as the signer may see them: a rejection reason only when it was
     * emailed to them; nothing that names staff (account ids, vetters' internal flags).
     */
    String forSigner(String values) {
        if (values == null) {
            return null;
        }
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(values);
            boolean told = node.path("signerEmailed").asBoolean(false);
            if (!told) {
                node.remove("reason");
            }
            node.remove(List.of("signerEmailed", "decidedBy", "accountId", "account", "by", "vetter", "note"));
            return json.writeValueAsString(node);
        } catch (Exception e) {
            return null; // not a plain object: show nothing rather than something unvetted
        }
    }

    private boolean signerWasEmailed(String values) {
        try {
            return values != null && json.readTree(values).path("signerEmailed").asBoolean(false);
        } catch (Exception e) {
            return false;
        }
    }

    private static String days(java.time.Duration period) {
        long days = period.toDays();
        return days == 1 ? "1 day" : days + " days";
    }
}
