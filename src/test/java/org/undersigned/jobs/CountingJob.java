package org.undersigned.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job for the tests of the mechanism itself: counts from its cursor to {@code upTo} in chunks of
 * {@code chunk}, and fails on purpose where {@code failAt} says (each failure counted).
 */
@ApplicationScoped
public class CountingJob implements JobHandler {

    static final String KIND = "test.counting";
    /** Chunks handled per job id, to show that a resumed job does not repeat committed chunks. */
    static final ConcurrentHashMap<Long, AtomicInteger> CHUNKS = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Step step(JobContext job) {
        long from = job.cursor() == null ? 0 : Long.parseLong(job.cursor());
        long upTo = job.longParam("upTo");
        long chunk = job.longParam("chunk");
        if (job.params().containsKey("failAt") && from >= job.longParam("failAt")) {
            throw new IllegalStateException("failing on purpose at " + from);
        }
        CHUNKS.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
        long to = Math.min(upTo, from + chunk);
        return to >= upTo ? Step.done(Long.toString(to), to - from) : Step.more(Long.toString(to), to - from);
    }
}
