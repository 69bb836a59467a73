package org.undersigned.jobs;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Works on background jobs. Every instance polls; a claim takes the least recently advanced
 * claimable job with {@code FOR UPDATE SKIP LOCKED} and leases it to this instance. Each chunk
 * is its own transaction, which re-checks the lease (the job may have been cancelled or taken
 * over) and commits the chunk's writes with the new cursor. After a time slice the job is let go,
 * so jobs take turns; if this instance dies, the lease lapses and another instance resumes.
 */
@ApplicationScoped
public class JobRunner {

    /** Who holds a lease: unique per running instance. */
    final String owner = "instance-" + UUID.randomUUID();

    @Inject
    EntityManager em;

    @Inject
    JobConfig config;

    @Inject
    Instance<JobHandler> allHandlers;

    private final Map<String, JobHandler> handlers = new HashMap<>();
    private volatile boolean stopping;

    @PostConstruct
    void collectHandlers() {
        for (JobHandler handler : allHandlers) {
            if (handlers.put(handler.kind(), handler) != null) {
                throw new IllegalStateException("two job handlers for kind " + handler.kind());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${undersigned.jobs.poll-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        Instant until = Instant.now().plus(config.sliceFor());
        while (!stopping) {
            Optional<Long> claimed = claim();
            if (claimed.isEmpty()) {
                return;
            }
            runSlice(claimed.get(), until);
            if (Instant.now().isAfter(until)) {
                return;
            }
        }
    }

    /** Claims one job for this instance; public for tests that drive the runner by hand. */
    public Optional<Long> claim() {
        Instant now = Instant.now();
        // QUEUED → RUNNING, or RUNNING → RUNNING for a job whose lease lapsed (its worker is gone:
        // that counts as a failed attempt). Both are moves JobState allows.
        @SuppressWarnings("unchecked")
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update background_job set state = 'RUNNING', lease_owner = ?1, lease_until = ?2,
                            started_at = coalesce(started_at, ?3), updated_at = ?3,
                            attempts = attempts + case when lease_owner is not null then 1 else 0 end
                        where id = (select id from background_job
                                    where state = 'QUEUED'
                                       or (state = 'RUNNING' and (lease_until is null or lease_until < ?3))
                                    order by updated_at, id
                                    limit 1
                                    for update skip locked)
                        returning id""")
                .setParameter(1, owner)
                .setParameter(2, now.plus(config.lease()))
                .setParameter(3, now)
                .getResultList());
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** Runs chunks of the job until it is done, lost, failed, or {@code until} has passed. */
    public void runSlice(long jobId, Instant until) {
        boolean more = true;
        while (more && !stopping) {
            JobHandler handler = QuarkusTransaction.requiringNew().call(() -> extendLease(jobId));
            if (handler == null) {
                return;
            }
            try {
                more = QuarkusTransaction.requiringNew().timeout((int) handler.chunkTimeout().toSeconds())
                        .call(() -> step(jobId));
            } catch (RuntimeException e) {
                recordFailure(jobId, e);
                return;
            }
            if (more && Instant.now().isAfter(until)) {
                QuarkusTransaction.requiringNew().run(() -> {
                    BackgroundJob job = em.find(BackgroundJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
                    if (job.isLeasedBy(owner)) {
                        job.release();
                    }
                });
                return;
            }
        }
    }

    /** Before a chunk: the lease must outlast it. Returns the job's handler, or null if the job is no longer ours. */
    private JobHandler extendLease(long jobId) {
        BackgroundJob job = em.find(BackgroundJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.isLeasedBy(owner)) {
            return null;
        }
        JobHandler handler = handlers.get(job.kind());
        java.time.Duration hold = handler == null || handler.chunkTimeout().compareTo(config.lease()) < 0
                ? config.lease() : handler.chunkTimeout().plus(config.lease());
        job.extendLease(Instant.now().plus(hold));
        return handler == null ? NO_HANDLER : handler;
    }

    /** Stands in for a missing handler, so that step() records the job as failed. */
    private static final JobHandler NO_HANDLER = new JobHandler() {
        @Override
        public String kind() {
            return "";
        }

        @Override
        public Step step(JobContext job) {
            throw new IllegalStateException("no handler");
        }
    };

    private boolean step(long jobId) {
        BackgroundJob job = em.find(BackgroundJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.isLeasedBy(owner)) {
            return false; // cancelled, finished or taken over by another instance meanwhile
        }
        JobHandler handler = handlers.get(job.kind());
        if (handler == null) {
            job.recordFailure("no handler for jobs of kind " + job.kind(), 1, Instant.now());
            return false;
        }
        if (job.attempts() >= maxAttempts(handler)) {
            String error = "gave up after " + job.attempts() + " lost or failed attempts";
            job.recordFailure(error, 0, Instant.now());
            handler.failed(job.context(), error);
            return false;
        }
        JobHandler.Step step = handler.step(job.context());
        job.recordStep(step, Instant.now().plus(config.lease()));
        return !step.finished();
    }

    private int maxAttempts(JobHandler handler) {
        return handler.maxAttempts() > 0 ? handler.maxAttempts() : config.maxAttempts();
    }

    private void recordFailure(long jobId, RuntimeException e) {
        // The cause's class name says what went wrong; messages may quote personal data.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String error = root.getClass().getSimpleName();
        Log.warnf("Background job %d: a chunk failed (%s); it will be retried", jobId, error);
        QuarkusTransaction.requiringNew().run(() -> {
            BackgroundJob job = em.find(BackgroundJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job != null && job.isLeasedBy(owner)) {
                JobHandler handler = handlers.get(job.kind());
                job.recordFailure(error, handler == null ? 1 : maxAttempts(handler), Instant.now().plus(config.retryAfter()));
                if (job.state() == JobState.FAILED && handler != null) {
                    handler.failed(job.context(), error);
                }
            }
        });
    }
}
