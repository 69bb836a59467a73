package org.undersigned.jobs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobStateTest {

    @Test
    void aJobRunsOnceAndEndsForGood() {
        assertTrue(JobState.QUEUED.canMoveTo(JobState.RUNNING));
        assertTrue(JobState.RUNNING.canMoveTo(JobState.RUNNING), "a lapsed lease is taken over");
        assertTrue(JobState.RUNNING.canMoveTo(JobState.SUCCEEDED));
        assertTrue(JobState.RUNNING.canMoveTo(JobState.FAILED));
        assertTrue(JobState.QUEUED.canMoveTo(JobState.CANCELLED));
        assertFalse(JobState.QUEUED.canMoveTo(JobState.SUCCEEDED), "nothing finishes without running");
        for (JobState end : new JobState[]{JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED}) {
            assertTrue(end.isFinished());
            for (JobState any : JobState.values()) {
                assertFalse(end.canMoveTo(any), end + " must not become " + any);
            }
        }
    }
}
