package org.undersigned.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "undersigned.jobs")
public interface JobConfig {

    /** How often each instance looks for a job to work on (a duration; "off" stops it, for tests that drive it by hand). */
    @WithDefault("1s")
    String pollEvery();

    /**
     * How long a worker holds a job between chunks; renewed after every chunk. When it lapses
     * (the instance died or hangs), another instance takes the job over from its last cursor.
     */
    @WithDefault("60s")
    Duration lease();

    /** A job that failed (or lost its worker) this many times is given up, visibly. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before a failed chunk is tried again. */
    @WithDefault("5s")
    Duration retryAfter();

    /** A worker lets go of its job after this long, so one huge job cannot starve the others. */
    @WithDefault("20s")
    Duration sliceFor();
}
