package org.undersigned.jobs;

/**
 * The work of one kind of background job, done in chunks. {@link #step} runs inside the
 * transaction that also records the job's new cursor and progress, so a chunk's writes and the
 * note that it was done commit together: a worker that dies mid-chunk leaves nothing half done,
 * and the next worker resumes from the last committed cursor. Implementations are CDI beans.
 */
public interface JobHandler {

    /** The {@code kind} this handler serves, e.g. {@code "vetting.bulk-approve"}. */
    String kind();

    /**
     * Does the next chunk of work, starting after {@code job.cursor()} (null on the first call).
     * Throwing rolls the chunk back; the job is retried later, and fails after too many attempts.
     */
    Step step(JobContext job);

    /**
     * The longest one chunk may take: its transaction's timeout, and the worker's lease is
     * extended by at least this much before each chunk, so nobody takes the job over meanwhile.
     */
    default java.time.Duration chunkTimeout() {
        return java.time.Duration.ofMinutes(1);
    }

    /**
     * How many failed (or lost) attempts this kind of job gets before it is given up; 0 means the
     * configured default ({@code undersigned.jobs.max-attempts}). Work that fails the same way each
     * time (an import with a broken row) should not be tried for long.
     */
    default int maxAttempts() {
        return 0;
    }

    /**
     * The job was given up after its last attempt (in the transaction that records it), so the
     * feature can show its own object as failed rather than leave it looking busy.
     */
    default void failed(JobContext job, String error) {
    }

    /** What a chunk did: where to resume, how many items it handled, and whether the job is done. */
    record Step(String cursor, long processed, boolean finished) {

        public static Step more(String cursor, long processed) {
            return new Step(cursor, processed, false);
        }

        public static Step done(String cursor, long processed) {
            return new Step(cursor, processed, true);
        }
    }
}
