package org.undersigned.abuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per limit and key, in memory. Buckets of keys not seen for a while
 * are dropped, so memory stays bounded however many addresses call. Limits come from the
 * configuration unless an admin changed them; changes made on another instance arrive within
 * {@code undersigned.rate-limit.refresh-every}.
 */
@ApplicationScoped
public class RateLimiter {

    public record Limit(int perMinute, int burst, boolean changedAtRuntime) {
    }

    @Inject
    RateLimitConfig config;

    @Inject
    AuditLog audit;

    @Inject
    org.undersigned.web.FormValidation forms;

    private final Map<RateLimit, Cache<String, Bucket>> buckets = new EnumMap<>(RateLimit.class);
    private volatile Map<RateLimit, Limit> limits = Map.of();
    /** Counts local changes (guarded by this), so a refresh that overlapped one does not undo it. */
    private long generation;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    RateLimiter() {
        for (RateLimit l : RateLimit.values()) {
            buckets.put(l, Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(15)).maximumSize(200_000).build());
        }
    }

    /** Takes one token; when none is left, says how long until one is. */
    public Optional<Duration> tryAcquire(RateLimit limit, String key) {
        Limit current = limit(limit);
        Bucket bucket = buckets.get(limit).get(key, k -> newBucket(current));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public Limit limit(RateLimit limit) {
        Limit l = limits.get(limit);
        if (l != null) {
            return l;
        }
        RateLimitConfig.Limit d = limit.defaults(config);
        return new Limit(d.perMinute(), d.burst(), false);
    }

    /** An admin's change: stored for every instance, applied here at once, audited. */
    @Transactional
    public void change(Actor actor, RateLimit limit, LimitChange change) {
        forms.require(change);
        int perMinute = change.perMinute();
        int burst = change.burst();
        Limit before = limit(limit);
        RateLimitSetting s = RateLimitSetting.<RateLimitSetting>findByIdOptional(limit.key).orElseGet(() -> {
            RateLimitSetting fresh = new RateLimitSetting();
            fresh.name = limit.key;
            return fresh;
        });
        s.perMinute = perMinute;
        s.burst = burst;
        s.updatedBy = actor.accountId();
        s.updatedAt = Instant.now();
        s.persist();
        audit.record(actor, "rate-limit.changed", new AuditLog.Subject(null, null, null),
                auditValues(limit, before.perMinute(), before.burst()), auditValues(limit, perMinute, burst));
        applyAfterCommit(limit, new Limit(perMinute, burst, true));
    }

    /** Keys name the limit because the audit log keeps only the values that changed. */
    private static java.util.Map<String, Object> auditValues(RateLimit limit, int perMinute, int burst) {
        return AuditLog.values(limit.key + ".perMinute", perMinute, limit.key + ".burst", burst);
    }

    /** Back to the configured default. */
    @Transactional
    public void reset(Actor actor, RateLimit limit) {
        Limit before = limit(limit);
        RateLimitSetting.deleteById(limit.key);
        RateLimitConfig.Limit d = limit.defaults(config);
        audit.record(actor, "rate-limit.reset", new AuditLog.Subject(null, null, null),
                auditValues(limit, before.perMinute(), before.burst()), auditValues(limit, d.perMinute(), d.burst()));
        applyAfterCommit(limit, null);
    }

    /**
     * Applies a change on this instance once its transaction has committed: applied earlier, a
     * refresh running meanwhile could read the old row and put the old limit back.
     */
    private void applyAfterCommit(RateLimit limit, Limit value) {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    apply(limit, value);
                }
            }
        });
    }

    @Scheduled(every = "${undersigned.rate-limit.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        long seen;
        synchronized (this) {
            seen = generation;
        }
        List<RateLimitSetting> stored = QuarkusTransaction.joiningExisting().call(() -> RateLimitSetting.<RateLimitSetting>listAll());
        Map<RateLimit, Limit> next = new EnumMap<>(RateLimit.class);
        synchronized (this) {
            if (generation != seen) {
                return; // a local change committed while we read: ours is older, the next refresh is exact
            }
            replaceAll(stored, next);
        }
    }

    private void replaceAll(List<RateLimitSetting> stored, Map<RateLimit, Limit> next) {
        for (RateLimitSetting s : stored) {
            RateLimit.byKey(s.name).ifPresent(l -> next.put(l, new Limit(s.perMinute, s.burst, true)));
        }
        for (RateLimit l : RateLimit.values()) {
            if (!java.util.Objects.equals(next.get(l), limits.get(l))) {
                buckets.get(l).invalidateAll(); // buckets are sized by the limit, so start them afresh
            }
        }
        limits = Map.copyOf(next);
    }

    private synchronized void apply(RateLimit limit, Limit value) {
        generation++;
        Map<RateLimit, Limit> next = new EnumMap<>(RateLimit.class);
        next.putAll(limits);
        if (value == null) {
            next.remove(limit);
        } else {
            next.put(limit, value);
        }
        limits = Map.copyOf(next);
        buckets.get(limit).invalidateAll();
    }

    private static Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build())
                .build();
    }

    static long secondsToWait(Duration wait) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + 999_999_999L));
    }
}
