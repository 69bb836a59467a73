package org.undersigned.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Deletes finished deliveries (delivered or failed) once they are older than
 * {@code undersigned.webhooks.keep-deliveries-for}, in batches that are each their own
 * transaction, so the table does not grow with every signature forever. Queued ones are never
 * touched. Several instances may run it at once: each batch deletes different rows or none.
 */
@ApplicationScoped
public class WebhookCleanup {

    static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteOld();
    }

    public long deleteOld() {
        long total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from webhook_delivery where id in (
                        select id from webhook_delivery
                        where state <> 'QUEUED' and occurred_at < now() - make_interval(secs => ?1)
                        limit ?2 for update skip locked)""")
                    .setParameter(1, (double) config.keepDeliveriesFor().toSeconds()).setParameter(2, BATCH).executeUpdate());
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
