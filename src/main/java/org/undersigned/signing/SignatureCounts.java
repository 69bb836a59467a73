package org.undersigned.signing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.infra.ClusterLock;

/**
 * Folds the count deltas that every change to signatures appends (V8_1 migration: statement
 * triggers, one small row per statement and key, never a shared counter) into the totals tables
 * {@code signature_day_count}, {@code signature_region_count} and {@code signature_partner_count} (V11), about once a second on one
 * instance. Readers ({@link SignatureFactsQuery}) add whatever is not folded yet, so the counts are
 * exact at any moment; folding only keeps what they read small.
 */
@ApplicationScoped
public class SignatureCounts {

    /** Deltas folded per transaction. */
    static final int BATCH = 20_000;

    @Inject
    EntityManager em;

    @Inject
    ClusterLock clusterLock;

    @Scheduled(every = "${undersigned.counts.fold-every:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldScheduled() {
        fold();
    }

    /** Folds pending deltas; returns how many were folded. */
    public long fold() {
        long total = 0;
        long folded;
        do {
            folded = QuarkusTransaction.requiringNew().call(() -> {
                if (!clusterLock.tryLock(ClusterLock.Job.SIGNATURE_COUNTS)) {
                    return 0L;
                }
                return ((Number) em.createNativeQuery("""
                        with d as (
                            delete from signature_count_delta
                            where id in (select id from signature_count_delta order by id limit ?1)
                            returning letter_id, state, day, letter_version, region, partner_id, delta),
                        days as (
                            insert into signature_day_count as c (letter_id, state, day, letter_version, n)
                            select letter_id, state, day, letter_version, sum(delta) from d group by 1, 2, 3, 4
                            on conflict (letter_id, state, day, letter_version) do update set n = c.n + excluded.n),
                        regions as (
                            insert into signature_region_count as c (letter_id, state, region, n)
                            select letter_id, state, region, sum(delta) from d group by 1, 2, 3
                            on conflict (letter_id, state, region) do update set n = c.n + excluded.n),
                        partners as (
                            insert into signature_partner_count as c (letter_id, partner_id, state, n)
                            select letter_id, partner_id, state, sum(delta) from d where partner_id <> 0 group by 1, 2, 3
                            on conflict (letter_id, partner_id, state) do update set n = c.n + excluded.n)
                        select count(*) from d""").setParameter(1, BATCH).getSingleResult()).longValue();
            });
            total += folded;
        } while (folded == BATCH);
        return total;
    }
}
