package org.undersigned.abuse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** Requests answered 429 by this instance, as {@code undersigned_rate_limited_total{limit}}. */
@ApplicationScoped
@io.quarkus.runtime.Startup // meters exist (at 0) from the start, not from first use: rate() and absent() need them
public class RateLimitMetrics {

    private final Map<RateLimit, Counter> counters = new EnumMap<>(RateLimit.class);

    RateLimitMetrics(MeterRegistry registry) {
        for (RateLimit limit : RateLimit.values()) {
            counters.put(limit, Counter.builder("undersigned.rate.limited")
                    .description("Requests refused with 429 by this instance, by rate limit")
                    .tag("limit", limit.name().toLowerCase()).register(registry));
        }
    }

    void limited(RateLimit limit) {
        counters.get(limit).increment();
    }
}
