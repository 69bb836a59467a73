package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** The one way the application sends email: queue it inside the transaction that causes it. */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    /** Must join the caller's transaction: the email exists exactly when the change does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEmail enqueue(MailPriority priority, String kind, String recipient, String subject, String bodyText) {
        return enqueue(OutgoingEmail.of(priority, kind, recipient, subject, bodyText));
    }

    /** @param signatureId the signature the email is about, so the signer's data export and erasure find it */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEmail enqueue(MailPriority priority, String kind, String recipient, String subject, String bodyText,
                               Long signatureId) {
        OutgoingEmail email = OutgoingEmail.of(priority, kind, recipient, subject, bodyText);
        return enqueue(signatureId == null ? email : email.aboutSignature(signatureId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEmail enqueue(OutgoingEmail outgoing) {
        Instant now = Instant.now();
        OutboxEmail email = new OutboxEmail();
        email.priority = (short) outgoing.priority().level();
        email.kind = outgoing.kind();
        email.recipient = outgoing.recipient();
        email.subject = outgoing.subject();
        email.bodyText = outgoing.bodyText();
        email.signatureId = outgoing.signatureId();
        email.unsubscribeUrl = outgoing.unsubscribeUrl();
        email.replyTo = outgoing.replyTo();
        email.mailingId = outgoing.mailingId();
        email.createdAt = now;
        email.nextAttemptAt = now;
        email.persist();
        return email;
    }

    /**
     * Queues many emails in one batched statement, for mailings. An email of a mailing whose
     * signature already has one in that mailing is skipped, so a resumed fan-out sends nothing twice.
     *
     * @return how many were queued
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueueAll(List<OutgoingEmail> emails) {
        if (emails.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into outbox_email (id, priority, kind, recipient, subject, body_text, signature_id,
                        unsubscribe_url, reply_to, mailing_id, created_at, next_attempt_at, attempts, state)
                    values (nextval('outbox_email_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'QUEUED')
                    on conflict (mailing_id, signature_id) where mailing_id is not null do nothing""")) {
                for (OutgoingEmail e : emails) {
                    int i = 1;
                    ps.setShort(i++, (short) e.priority().level());
                    ps.setString(i++, e.kind());
                    ps.setString(i++, e.recipient());
                    ps.setString(i++, e.subject());
                    ps.setString(i++, e.bodyText());
                    setLong(ps, i++, e.signatureId());
                    ps.setString(i++, e.unsubscribeUrl());
                    ps.setString(i++, e.replyTo());
                    setLong(ps, i++, e.mailingId());
                    ps.setTimestamp(i++, now);
                    ps.setTimestamp(i, now);
                    ps.addBatch();
                }
                int queued = 0;
                for (int count : ps.executeBatch()) {
                    queued += Math.max(count, 0);
                }
                return queued;
            }
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
