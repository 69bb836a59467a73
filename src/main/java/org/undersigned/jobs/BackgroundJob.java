package org.undersigned.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.undersigned.web.IllegalTransitionException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A long piece of work (a bulk decision, a mailing's fan-out, an import) kept as a row, so it
 * survives restarts: workers claim it with {@code FOR UPDATE SKIP LOCKED} and a lease
 * ({@link JobRunner}), do it in chunks ({@link JobHandler}) and record where they stopped. Its
 * state only changes through the methods below, each guarded by {@link JobState}.
 */
@Entity
@Table(name = "background_job")
public class BackgroundJob extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "background_job_seq", sequenceName = "background_job_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "background_job_seq")
    private Long id;

    private String kind;
    private Long letterId;

    @Enumerated(EnumType.STRING)
    private JobState state = JobState.QUEUED;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> params = new HashMap<>();

    @Column(name = "cursor_value")
    private String cursor;
    private long done;
    private Long total;
    private int attempts;
    private String leaseOwner;
    private Instant leaseUntil;
    private String lastError;
    private Long createdBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant updatedAt;

    protected BackgroundJob() {
    }

    static BackgroundJob queue(String kind, Long letterId, Map<String, Object> params, Long total, Long createdBy) {
        BackgroundJob job = new BackgroundJob();
        job.kind = kind;
        job.letterId = letterId;
        job.params = new HashMap<>(params);
        job.total = total;
        job.createdBy = createdBy;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        return job;
    }

    JobContext context() {
        return new JobContext(id, kind, letterId, createdBy, Map.copyOf(params), cursor, done, total);
    }

    /** The worker holding the lease records a finished chunk. */
    void recordStep(JobHandler.Step step, Instant leaseUntil) {
        cursor = step.cursor();
        done += step.processed();
        this.leaseUntil = leaseUntil;
        updatedAt = Instant.now();
        if (step.finished()) {
            moveTo(JobState.SUCCEEDED);
            finishedAt = updatedAt;
            releaseLease();
        }
    }

    /** The worker keeps the job for longer (before a chunk that may take a while). */
    void extendLease(Instant until) {
        leaseUntil = until;
    }

    /** A chunk failed: try again after {@code retryAt}, or give up after {@code maxAttempts}. */
    void recordFailure(String error, int maxAttempts, Instant retryAt) {
        attempts++;
        lastError = error;
        updatedAt = Instant.now();
        if (attempts >= maxAttempts) {
            moveTo(JobState.FAILED);
            finishedAt = updatedAt;
            releaseLease();
        } else {
            leaseOwner = null;
            leaseUntil = retryAt;
        }
    }

    /** The worker lets the job go (its time slice is over); any instance may pick it up at once. */
    void release() {
        releaseLease();
        updatedAt = Instant.now();
    }

    public void cancel() {
        moveTo(JobState.CANCELLED);
        finishedAt = Instant.now();
        updatedAt = finishedAt;
        releaseLease();
    }

    private void releaseLease() {
        leaseOwner = null;
        leaseUntil = null;
    }

    private void moveTo(JobState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("job", state, target);
        }
        state = target;
    }

    boolean isLeasedBy(String owner) {
        return state == JobState.RUNNING && owner.equals(leaseOwner);
    }

    public Long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public Long letterId() {
        return letterId;
    }

    public JobState state() {
        return state;
    }

    public long done() {
        return done;
    }

    public Long total() {
        return total;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
