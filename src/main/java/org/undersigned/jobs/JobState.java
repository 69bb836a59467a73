package org.undersigned.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * QUEUED → RUNNING → SUCCEEDED | FAILED. A RUNNING job whose worker vanished (its lease lapsed)
 * is claimed again and stays RUNNING; a job may be CANCELLED until it has finished.
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public Set<JobState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED);
            case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean canMoveTo(JobState target) {
        return next().contains(target);
    }

    public boolean isFinished() {
        return next().isEmpty();
    }
}
