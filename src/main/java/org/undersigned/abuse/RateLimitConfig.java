package org.undersigned.abuse;

import io.smallrye.config.ConfigMapping;

/**
 * Default rate limits; an admin can change them at runtime (stored in the database, picked up
 * by every instance within seconds). Each instance keeps its own buckets, so with N instances
 * behind a load balancer a client can reach at most N times a limit.
 */
@ConfigMapping(prefix = "undersigned.rate-limit")
public interface RateLimitConfig {

    /** Per client address and letter. */
    Limit signOn();

    /** "Email me a fresh link" requests, per client address. */
    Limit linkRequest();

    /** Admin sign-in attempts (form and API), per client address. Failures also slow that client down on that address (account.SignInThrottle). */
    Limit adminSignIn();

    /** Searches of a letter's signatory list, per client address (plain list pages are not limited). */
    Limit search();

    /** How often each instance re-reads the limits admins changed at runtime. */
    @io.smallrye.config.WithDefault("10s")
    String refreshEvery();

    interface Limit {
        /** Sustained rate. */
        int perMinute();

        /** How many may come at once before the rate applies. */
        int burst();
    }
}
