package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's bookkeeping, each step its own short transaction so no database transaction is
 * held open while talking to the SMTP server. A claim reserves rows for this instance
 * ({@code FOR UPDATE SKIP LOCKED}, then pushes their next attempt past the claim period), so
 * several instances never send the same email; if an instance dies mid-send, the claim lapses
 * and another instance retries.
 */
@ApplicationScoped
public class OutboxClaims {

    public record Claimed(long id, String recipient, String subject, String bodyText, int attempts) {
    }

    @Inject
    EntityManager em;

    @Inject
    MailConfig config;

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue() {
        Instant now = Instant.now();
        List<Object[]> rows = em.createNativeQuery("""
                        update outbox_email set next_attempt_at = ?1
                        where id in (select id from outbox_email
                                     where sent_at is null and failed_at is null and next_attempt_at <= ?2
                                     order by next_attempt_at, id
                                     limit ?3
                                     for update skip locked)
                        returning id, recipient, subject, body_text, attempts""")
                .setParameter(1, now.plus(config.claimFor()))
                .setParameter(2, now)
                .setParameter(3, config.batchSize())
                .getResultList();
        return rows.stream()
                .map(r -> new Claimed(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                        ((Number) r[4]).intValue()))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .toList();
    }

    @Transactional
    public void markSent(long id) {
        OutboxEmail email = OutboxEmail.findById(id);
        email.sentAt = Instant.now();
        email.lastError = null;
        if (!config.keepSentBodies()) {
            email.recipient = null;
            email.bodyText = null;
            email.bodyHtml = null;
        }
    }

    /** Backs off exponentially; gives up after the configured number of attempts. */
    @Transactional
    public void markFailed(long id, Throwable cause) {
        OutboxEmail email = OutboxEmail.findById(id);
        Instant now = Instant.now();
        email.attempts++;
        // The root cause's class name says what kind of failure it was; messages can quote addresses.
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        email.lastError = root.getClass().getSimpleName();
        if (email.attempts >= config.maxAttempts()) {
            email.failedAt = now;
        } else {
            email.nextAttemptAt = now.plus(backoff(email.attempts));
        }
    }

    Duration backoff(int attempts) {
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.longestRetry()) > 0 ? config.longestRetry() : wait;
    }
}
