package org.undersigned.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "undersigned.mail")
public interface MailConfig {

    /** The From header of every email, e.g. "Coalition <letters@example.org>". */
    String from();

    /** How often the outbox is checked for email to send. */
    @WithDefault("1s")
    Duration sendEvery();

    /** Emails claimed per round; each is sent then marked. */
    @WithDefault("50")
    int batchSize();

    /** After this many failed attempts an email is given up on (and stays visible to admins). */
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
}
