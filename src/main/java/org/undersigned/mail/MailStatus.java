package org.undersigned.mail;

import org.undersigned.infra.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.web.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * How the outbox is doing, for the admins' mail page and the API: the backlog and its oldest
 * email, what was sent in the last hour, and the emails that failed for good or bounced, which an
 * admin can look at and (failed ones) send again. Every figure comes from a partial index.
 */
@ApplicationScoped
public class MailStatus {

    public record Problem(long id, String kind, String recipient, String subject, OutboxState state, int attempts,
                          String reply, Instant queuedAt, Instant endedAt) {
    }

    public record Summary(long backlog, Long oldestWaitingSeconds, long sentLastHour, long failed, long bounced,
                          List<Problem> problems) {
    }

    static class NoSuchEmail extends ProblemException {
        NoSuchEmail() {
            super(404, "not-found", "No such email", "There is no email with that number in the outbox.");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional
    public Summary summary(int problems) {
        long backlog = count("select count(*) from outbox_email where state = 'QUEUED'");
        @SuppressWarnings("unchecked")
        List<Number> oldest = em.createNativeQuery("""
                select extract(epoch from now() - created_at) from outbox_email
                where id = (select min(id) from outbox_email where state = 'QUEUED')""").getResultList();
        long sentLastHour = count("select count(*) from outbox_email where state = 'SENT' and sent_at > now() - interval '1 hour'");
        long failed = count("select count(*) from outbox_email where state = 'FAILED'");
        long bounced = count("select count(*) from outbox_email where state = 'BOUNCED'");
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select id, kind, recipient, subject, state, attempts, smtp_reply, last_error, created_at,
                               coalesce(failed_at, bounced_at) as ended_at
                        from outbox_email where state in ('FAILED', 'BOUNCED') order by id desc limit ?1""", Tuple.class)
                .setParameter(1, problems).getResultList();
        return new Summary(backlog, oldest.isEmpty() ? null : Math.round(oldest.get(0).doubleValue()), sentLastHour,
                failed, bounced, rows.stream().map(r -> new Problem(Sql.longValue(r, "id"), r.get("kind", String.class),
                        r.get("recipient", String.class), r.get("subject", String.class),
                        OutboxState.valueOf(r.get("state", String.class)), Sql.intValue(r, "attempts"),
                        r.get("smtp_reply") != null ? r.get("smtp_reply", String.class) : r.get("last_error", String.class),
                        Sql.instant(r, "created_at"), Sql.instant(r, "ended_at"))).toList());
    }

    /** Sends a given-up email again (audited); a bounced or sent one cannot be. */
    @Transactional
    public void retry(Actor actor, long id) {
        OutboxEmail email = OutboxEmail.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (email == null) {
            throw new NoSuchEmail();
        }
        email.retry(Instant.now());
        audit.record(actor, "mail.retried", new Subject(null, null, null), null, AuditLog.values("email", id));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
