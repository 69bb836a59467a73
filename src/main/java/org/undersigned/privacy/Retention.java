package org.undersigned.privacy;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.infra.ClusterLock;
import org.undersigned.signing.Signature;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes personal data once its purpose is served: signers' contact details some time after the
 * letter is delivered, client addresses after the abuse-check period, sent emails, and uploaded
 * import files. Works in small batches, each its own transaction, on one instance at a time.
 */
@ApplicationScoped
public class Retention {

    /** What one run removed. */
    public record Report(int contactDetails, int clientAddresses, int emails, int uploads) {
        public int total() {
            return contactDetails + clientAddresses + emails + uploads;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ClusterLock lock;

    @Inject
    RetentionConfig config;

    @Scheduled(every = "${undersigned.retention.run-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report r = run(Instant.now());
        if (r.total() > 0) {
            Log.infof("Retention: removed contact details of %d signatures, %d client addresses, %d emails, %d uploads",
                    r.contactDetails(), r.clientAddresses(), r.emails(), r.uploads());
        }
    }

    /** One full pass as of {@code now}. */
    public Report run(Instant now) {
        int contacts = 0;
        int addresses = 0;
        int emails = 0;
        int uploads = 0;
        for (int n; (n = batch(now, this::contactDetails)) > 0; ) {
            contacts += n;
        }
        for (int n; (n = batch(now, this::clientAddresses)) > 0; ) {
            addresses += n;
        }
        for (int n; (n = batch(now, this::sentEmails)) > 0; ) {
            emails += n;
        }
        uploads = batch(now, this::importUploads);
        return new Report(contacts, addresses, emails, uploads);
    }

    private interface Step {
        int apply(Instant now);
    }

    /** One transaction; nothing when another instance is running the job right now. */
    private int batch(Instant now, Step step) {
        return QuarkusTransaction.requiringNew().call(() -> lock.tryLock(ClusterLock.Job.RETENTION) ? step.apply(now) : 0);
    }

    /** Entities, so the removal is exactly {@link Signature#removeContactDetails}. */
    private int contactDetails(Instant now) {
        List<Signature> due = Signature.<Signature>find("""
                        anonymizedAt is null and letter.id in (
                            select l.id from Letter l where coalesce(l.deliveredAt, l.archivedAt) < ?1)""",
                        now.minus(config.contactDetailsAfterDelivery()))
                .page(0, config.batchSize()).list();
        due.forEach(s -> s.removeContactDetails(now));
        if (!due.isEmpty()) {
            // The emails about these entries hold the same addresses.
            em.createNativeQuery("delete from outbox_email where signature_id = any(cast(?1 as bigint[]))")
                    .setParameter(1, due.stream().map(s -> s.id()).toArray(Long[]::new)).executeUpdate();
        }
        return due.size();
    }

    private int clientAddresses(Instant now) {
        OffsetDateTime cutoff = utc(now.minus(config.clientAddresses()));
        int n = em.createNativeQuery("""
                        update signature set client_ip = null where id in (
                            select id from signature where client_ip is not null and created_at < ?1 limit ?2)""")
                .setParameter(1, cutoff).setParameter(2, config.batchSize()).executeUpdate();
        // The same addresses also appear in invalidation criteria and alerts.
        em.createNativeQuery("update signature_invalidation set client_range = null where client_range is not null and created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        em.createNativeQuery("delete from abuse_alert where created_at < ?1").setParameter(1, cutoff).executeUpdate();
        return n;
    }

    private int sentEmails(Instant now) {
        return em.createNativeQuery("""
                        delete from outbox_email where id in (
                            select id from outbox_email where state <> 'QUEUED'
                            and not exists (select 1 from letter_delivery d where d.outbox_email_id = outbox_email.id)
                            and created_at < ?1 limit ?2)""")
                .setParameter(1, utc(now.minus(config.sentEmails()))).setParameter(2, config.batchSize()).executeUpdate();
    }

    private int importUploads(Instant now) {
        return em.createNativeQuery("""
                        update signature_import set content = null
                        where content is not null and status <> 'RUNNING' and updated_at < ?1""")
                .setParameter(1, utc(now.minus(config.importUploads()))).executeUpdate();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
