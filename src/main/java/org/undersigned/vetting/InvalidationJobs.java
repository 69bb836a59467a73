package org.undersigned.vetting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.undersigned.jobs.JobContext;
import org.undersigned.jobs.JobHandler;

/**
 * The rest of a large bulk invalidation, or of its reversal, after the request did the first
 * chunk: durable background jobs ({@code org.undersigned.jobs}), a chunk of
 * {@link Invalidations#CHUNK} entries per transaction with the cursor. Each chunk locks the
 * invalidation's row, so a reversal and a still-running invalidation never interleave: an
 * invalidation that was reversed meanwhile stops.
 */
public final class InvalidationJobs {

    public static final String INVALIDATE = "vetting.invalidate";
    public static final String REVERSE = "vetting.invalidation-reverse";

    private InvalidationJobs() {
    }

    @ApplicationScoped
    public static class Invalidate implements JobHandler {

        @Inject
        Invalidations invalidations;

        @Override
        public String kind() {
            return INVALIDATE;
        }

        @Override
        public Step step(JobContext job) {
            SignatureInvalidation inv = SignatureInvalidation.findById(job.longParam("invalidation"), LockModeType.PESSIMISTIC_WRITE);
            if (inv == null || inv.reversed()) {
                return Step.done(job.cursor(), 0);
            }
            Invalidations.Chunk c = invalidations.invalidateChunk(inv, job.cursor() == null ? job.param("after") : job.cursor());
            return c.finished() ? Step.done(c.cursor(), c.processed()) : Step.more(c.cursor(), c.processed());
        }
    }

    @ApplicationScoped
    public static class Reverse implements JobHandler {

        @Inject
        Invalidations invalidations;

        @Override
        public String kind() {
            return REVERSE;
        }

        @Override
        public Step step(JobContext job) {
            SignatureInvalidation inv = SignatureInvalidation.findById(job.longParam("invalidation"), LockModeType.PESSIMISTIC_WRITE);
            if (inv == null) {
                return Step.done(job.cursor(), 0);
            }
            Invalidations.Chunk c = invalidations.reverseChunk(inv, job.cursor() == null ? job.param("after") : job.cursor());
            return c.finished() ? Step.done(c.cursor(), c.processed()) : Step.more(c.cursor(), c.processed());
        }
    }
}
