package org.undersigned.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "undersigned.mail")
public interface MailConfig {

    /** The From header of every email, e.g. "Coalition <letters@example.org>". */
    String from();

    /**
     * How often each instance looks for due email (a duration, at least 1s, the scheduler's
     * finest step; "off" stops the sender, for tests that drive it by hand). Each round then sends
     * batch after batch until nothing is due. Read by the scheduler, see OutboxSender.
     */
    @WithDefault("1s")
    String sendEvery();

    /** Emails claimed per batch; all of a batch are handed to the mailer at once, then recorded together. */
    @WithDefault("500")
    int batchSize();

    /** Batches on the wire at once: the next is claimed while one is being sent. */
    @WithDefault("2")
    int batchesInFlight();

    /**
     * How long one email may wait for the SMTP server's answer before it counts as a temporary
     * failure (retried with backoff), so a connection that hangs cannot hold up a whole batch.
     */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long a batch may wait for its answers; anything unanswered stays claimed and is retried once the claim lapses. */
    @WithDefault("45s")
    Duration batchTimeout();

    /** A cap on this instance's sending, for providers that throttle (none when absent). */
    Optional<Integer> maxPerSecond();

    /** A cap on all instances' sending together, shared through the database (none when absent). */
    Optional<Integer> clusterMaxPerSecond();

    /** How long to stop sending when the server answers 421, 450 or 451; doubles while it keeps doing so. */
    @WithDefault("10s")
    Duration slowDownPause();

    @WithDefault("5m")
    Duration longestSlowDownPause();

    /** After this many failed attempts an email is given up on; admins see it on the mail page and may retry it. */
    @WithDefault("12")
    int maxAttempts();

    /** Wait before the first retry; doubles with each failure, up to {@link #longestRetry()}. */
    @WithDefault("10s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration longestRetry();

    /** How long a claimed email is reserved for the instance sending it before another may retry. */
    @WithDefault("2m")
    Duration claimFor();

    /** Keep bodies of sent email (dev and test only, for the dev mailbox). */
    @WithDefault("false")
    boolean keepSentBodies();

    /**
     * When the oldest waiting email is older than this, the outbox-lag health check says
     * "degraded" (the instance stays ready) and the alert in deploy/kubernetes fires.
     */
    @WithDefault("5m")
    Duration lagWarning();

    /** Vetters get at most one digest of a letter's waiting entries this often. */
    @WithDefault("6h")
    Duration digestEvery();

    /** How often digests are checked for (a duration; "off" stops it, for tests that drive it). */
    @WithDefault("5m")
    String digestCheckEvery();

    /** Sign-ons start to wait when the oldest waiting confirmation is older than this (see MailBackpressure). */
    @WithName("backpressure.lag")
    @WithDefault("3s")
    Duration backpressureLag();

    /** The longest a sign-on waits for the outbox to catch up; 0 turns backpressure off. */
    @WithName("backpressure.max-delay")
    @WithDefault("500ms")
    Duration backpressureMaxDelay();
}
