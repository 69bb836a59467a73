package org.undersigned.signing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import org.undersigned.infra.ClusterLock;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public counts ("Signed by 40 organizations and 112 individuals"), aggregated in batches:
 * about once a second, one instance recounts each letter whose list changed, exactly, from the
 * signatures themselves, and stores the result in {@code letter_tally}. Nothing is incremented
 * per sign-on, so sign-ons never queue behind a shared counter row, and the stored counts can
 * always be rebuilt from the signatures.
 */
@ApplicationScoped
public class PublicTally {

    @Inject
    EntityManager em;

    @Inject
    ClusterLock clusterLock;

    @Inject
    PublicSignatories signatories;

    @Scheduled(every = "${undersigned.tally.every:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recountChangedLetters() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!clusterLock.tryLock(ClusterLock.Job.PUBLIC_TALLY)) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Tuple> letters = em.createNativeQuery("""
                            select l.id, t.list_version from letter l left join letter_tally t on t.letter_id = l.id
                            where l.state <> 'DRAFT'""", Tuple.class).getResultList();
            for (Tuple row : letters) {
                long letterId = Sql.longValue(row, "id");
                Long listVersion = Sql.nullableLong(row, "list_version");
                long counted = listVersion == null ? -1 : listVersion;
                if (signatories.listState(letterId).version() > counted) {
                    recount(letterId);
                }
            }
        });
    }

    /** Recounts one letter now (after a change someone is waiting to see). */
    public void recountNow(long letterId) {
        QuarkusTransaction.requiringNew().run(() -> recount(letterId));
    }

    private void recount(long letterId) {
        // The version is read before counting: a change made during the count makes the next round count again.
        long version = signatories.listState(letterId).version();
        PublicSignatories.Counts counts = signatories.counts(letterId);
        em.createNativeQuery("""
                        insert into letter_tally (letter_id, organizations, individuals, list_version, computed_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (letter_id) do update set organizations = excluded.organizations,
                            individuals = excluded.individuals, list_version = excluded.list_version,
                            computed_at = excluded.computed_at
                        where letter_tally.list_version <= excluded.list_version""")
                .setParameter(1, letterId).setParameter(2, counts.organizations()).setParameter(3, counts.individuals())
                .setParameter(4, version).setParameter(5, OffsetDateTime.now())
                .executeUpdate();
    }
}
