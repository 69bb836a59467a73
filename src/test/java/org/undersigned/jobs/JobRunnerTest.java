package org.undersigned.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.undersigned.audit.Actor;
import org.undersigned.web.IllegalTransitionException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The durable job mechanism against the real database, with the scheduled runner doing the work. */
@QuarkusTest
class JobRunnerTest {

    @Inject
    Jobs jobs;

    @Inject
    JobRunner runner;

    @Inject
    EntityManager em;

    private long start(Map<String, Object> params, Long total) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.start(CountingJob.KIND, null, params, total, Actor.SYSTEM));
    }

    private Jobs.JobView awaitFinished(long id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            Jobs.JobView view = jobs.view(id);
            if (view.finished()) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish: " + jobs.view(id));
    }

    @Test
    void aQueuedJobRunsInChunksToTheEndWithProgress() throws Exception {
        long id = start(Map.of("upTo", 250, "chunk", 100), 250L);
        Jobs.JobView done = awaitFinished(id);
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals(250, done.done());
        assertEquals(100, done.percent());
        assertEquals(3, CountingJob.CHUNKS.get(id).get());
        assertNotNull(done.startedAt());
        assertNotNull(done.finishedAt());
    }

    @Test
    void aJobWhoseWorkerDiedIsResumedFromItsLastCursorByAnotherWorker() throws Exception {
        long id = start(Map.of("upTo", 100, "chunk", 10), 100L);
        // What a worker that died after committing chunks up to 70 leaves behind: RUNNING, its lease lapsed.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update background_job set state = 'RUNNING', lease_owner = 'instance-that-died',
                            lease_until = now() - interval '1 second', cursor_value = '70', done = 70,
                            started_at = now() - interval '5 minutes'
                        where id = ?1""")
                .setParameter(1, id).executeUpdate());
        Jobs.JobView done = awaitFinished(id);
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals(100, done.done(), "nothing counted twice");
        assertEquals(3, CountingJob.CHUNKS.get(id).get(), "only the chunks after the cursor ran");
        assertEquals(1, done.attempts(), "the lost worker counts as an attempt");
    }

    @Test
    void aLiveLeaseIsNotTakenOver() {
        long id = start(Map.of("upTo", 10, "chunk", 10), 10L);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update background_job set state = 'RUNNING', lease_owner = 'instance-alive',
                            lease_until = now() + interval '1 hour' where id = ?1""")
                .setParameter(1, id).executeUpdate());
        assertTrue(runner.claim().filter(claimed -> claimed == id).isEmpty());
        assertEquals(JobState.RUNNING, jobs.view(id).state());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from background_job where id = ?1")
                .setParameter(1, id).executeUpdate());
    }

    @Test
    void aJobThatKeepsFailingIsGivenUpVisiblyAfterItsAttempts() throws Exception {
        long id = start(Map.of("upTo", 100, "chunk", 10, "failAt", 20), 100L);
        Jobs.JobView failed = awaitFinished(id);
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(20, failed.done(), "the chunks before the failure stay done");
        assertEquals("IllegalStateException", failed.lastError());
    }

    @Test
    void aCancelledJobStopsAndCannotBeCancelledTwice() {
        long id = start(Map.of("upTo", 10, "chunk", 1), 10L);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update background_job set state = 'RUNNING', lease_owner = 'x', lease_until = now() + interval '1 hour' where id = ?1")
                .setParameter(1, id).executeUpdate());
        assertEquals(JobState.CANCELLED, jobs.cancel(id).state());
        assertThrows(IllegalTransitionException.class, () -> jobs.cancel(id));
        assertTrue(runner.claim().filter(claimed -> claimed == id).isEmpty(), "a cancelled job is never claimed");
    }
}
