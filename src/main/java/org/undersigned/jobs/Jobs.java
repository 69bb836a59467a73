package org.undersigned.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Starting, reading and cancelling background jobs; features call this, {@link JobRunner} does the work. */
@ApplicationScoped
public class Jobs {

    /** A job as admins and the API see it. */
    public record JobView(long id, String kind, Long letterId, JobState state, long done, Long total, int attempts,
                          String lastError, Instant createdAt, Instant startedAt, Instant finishedAt) {

        /** Whole per cent done, or null while the total is unknown. */
        public Integer percent() {
            if (total == null || total == 0) {
                return state == JobState.SUCCEEDED ? 100 : null;
            }
            return (int) Math.min(100, done * 100 / total);
        }

        public boolean finished() {
            return state.isFinished();
        }

        static JobView of(BackgroundJob j) {
            return new JobView(j.id(), j.kind(), j.letterId(), j.state(), j.done(), j.total(), j.attempts(),
                    j.lastError(), j.createdAt(), j.startedAt(), j.finishedAt());
        }
    }

    static class NoSuchJob extends ProblemException {
        NoSuchJob() {
            super(404, "not-found", "No such job", "There is no background job with that number.");
        }
    }

    /**
     * Queues a job in the caller's transaction, so it exists exactly when the change that asked
     * for it does. {@code total} is the number of items, when known, for progress.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long start(String kind, Long letterId, Map<String, Object> params, Long total, Actor actor) {
        BackgroundJob job = BackgroundJob.queue(kind, letterId, params, total, actor.accountId());
        job.persist();
        return job.id();
    }

    @Transactional
    public JobView view(long id) {
        return JobView.of(require(id));
    }

    @Transactional
    public List<JobView> forLetter(long letterId, String kindPrefix, int limit) {
        return BackgroundJob.<BackgroundJob>find("letterId = ?1 and kind like ?2 order by id desc", letterId, kindPrefix + "%")
                .page(0, limit).list().stream().map(JobView::of).toList();
    }

    /** Stops a job before its next chunk; what earlier chunks did stays done. */
    @Transactional
    public JobView cancel(long id) {
        BackgroundJob job = BackgroundJob.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new NoSuchJob();
        }
        job.cancel();
        return JobView.of(job);
    }

    private BackgroundJob require(long id) {
        BackgroundJob job = BackgroundJob.findById(id);
        if (job == null) {
            throw new NoSuchJob();
        }
        return job;
    }
}
