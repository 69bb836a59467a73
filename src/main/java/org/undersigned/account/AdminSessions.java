package org.undersigned.account;

import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Every admin token is a session row, keyed by the token's id ({@code jti}), in the database all
 * instances share. A token is accepted only while its row is live, so signing out, ending a
 * session from the sessions page, a password change or reset ends it everywhere at once.
 */
@ApplicationScoped
public class AdminSessions {

    public record Session(String id, Instant createdAt, Instant expiresAt, String userAgent) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    void record(String jti, long accountId, Instant createdAt, Instant expiresAt, String userAgent) {
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery(
                        "insert into admin_session (id, account_id, created_at, expires_at, user_agent) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, jti).setParameter(2, accountId).setParameter(3, utc(createdAt))
                .setParameter(4, utc(expiresAt))
                .setParameter(5, userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length())))
                .executeUpdate());
    }

    /** The account's sessions that still work, newest first. */
    @SuppressWarnings("unchecked")
    public List<Session> live(long accountId) {
        return QuarkusTransaction.joiningExisting().call(() -> ((List<Tuple>) em.createNativeQuery(
                        "select id, created_at, expires_at, user_agent from admin_session "
                                + "where account_id = ?1 and revoked_at is null and expires_at > now() order by created_at desc",
                        Tuple.class)
                .setParameter(1, accountId).getResultList()).stream()
                .map(r -> new Session(Sql.string(r, "id"), Sql.instant(r, "created_at"), Sql.instant(r, "expires_at"),
                        Sql.string(r, "user_agent"))).toList());
    }

    /** Ends one of the account's own sessions; false when there was no such live session. */
    public boolean end(Actor actor, long accountId, String jti) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            int n = em.createNativeQuery("update admin_session set revoked_at = now() "
                            + "where id = ?1 and account_id = ?2 and revoked_at is null")
                    .setParameter(1, jti).setParameter(2, accountId).executeUpdate();
            if (n > 0) {
                audit.record(actor, "account.session-ended", AuditLog.Subject.account(accountId), null, null);
            }
            return n > 0;
        });
    }

    /** Ends every session of the account except {@code keep} (may be null: all of them). */
    public int endAll(long accountId, String keep) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "update admin_session set revoked_at = now() where account_id = ?1 and revoked_at is null "
                                + "and id <> coalesce(?2, '')")
                .setParameter(1, accountId).setParameter(2, keep).executeUpdate());
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from admin_session where expires_at < now() - interval '1 day'").executeUpdate());
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

}
