package org.undersigned.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Makes scheduled work run on one instance at a time when several share a database: a
 * transaction-scoped PostgreSQL advisory lock, released by commit or rollback, so a crashed
 * instance can never hold it.
 */
@ApplicationScoped
public class ClusterLock {

    /** Keys of the jobs that must not run twice at once. */
    public enum Job {
        OUTBOX_SENDER(7_100_001L),
        DEADLINE_CLOSER(7_100_002L),
        PUBLIC_TALLY(7_100_003L),
        ABUSE_ALERTS(7_100_004L),
        RETENTION(7_100_005L),
        VETTER_DIGESTS(7_100_006L),
        SIGNATURE_COUNTS(7_100_007L);

        final long key;

        Job(long key) {
            this.key = key;
        }
    }

    @Inject
    EntityManager em;

    /** Must be called inside a transaction; true when this transaction now holds the job's lock. */
    public boolean tryLock(Job job) {
        Object got = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, job.key)
                .getSingleResult();
        return Boolean.TRUE.equals(got);
    }
}
