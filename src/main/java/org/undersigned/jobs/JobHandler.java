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
