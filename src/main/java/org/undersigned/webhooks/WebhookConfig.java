package org.undersigned.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "undersigned.webhooks")
public interface WebhookConfig {

    /** How often each instance looks for due deliveries. */
    @WithDefault("1s")
    String sendEvery();

    /** Deliveries claimed at once by an instance. */
    @WithDefault("50")
    int batchSize();

    /** How long a claim keeps other instances off a delivery (must exceed the request timeout). */
    @WithDefault("60s")
    Duration claimFor();

    @WithDefault("10s")
    Duration requestTimeout();

    /** The first retry waits this long; each further one twice as long, up to {@link #longestRetry()}. */
    @WithDefault("30s")
    Duration firstRetry();

    @WithDefault("6h")
    Duration longestRetry();

    /** After this many failed attempts the delivery is FAILED (an admin can queue it again). */
    @WithDefault("10")
    int maxAttempts();

    /** After a secret is rotated, the previous one also signs for this long. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Plain-http endpoints (dev and test only; production requires https). */
    @WithDefault("false")
    boolean allowHttp();

    /** Delivered and failed deliveries are deleted after this long (they hold ids only, no personal data). */
    @WithDefault("30d")
    Duration keepDeliveriesFor();
}
