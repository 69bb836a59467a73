package org.undersigned.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing without giving anyone a switch that locks an admin out. Failures are
 * counted per account address <em>and</em> client (IPv4 address or IPv6 prefix): after the n-th
 * failure in a row from one client, that client's next attempt on that address waits
 * {@code slowdown-base × 2^(n-1)}, up to {@code max-delay}. The admin's own browser, elsewhere,
 * is not slowed by someone else's guesses. Failures on an address from all clients are also
 * counted, so its owner can be emailed about them ({@link #failedOnAccount}).
 * <p>
 * Addresses that have no account are counted exactly like those that do, so the answers (and
 * their delays) never tell which addresses exist. The counts live in memory on each instance,
 * like the rate limits (which also cap attempts per client, whatever the address).
 */
@ApplicationScoped
public class SignInThrottle {

    record Failures(int inARow, Instant nextAttemptAt) {
    }

    record Window(Instant since, int failures) {
    }

    @Inject
    AuthConfig config;

    private final Cache<String, Failures> perClient = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(24)).maximumSize(200_000).build();
    private final Cache<String, Window> perAccount = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(24)).maximumSize(100_000).build();

    /** How long this client must still wait before trying this address again, if at all. */
    public Optional<Duration> waitBefore(String email, String client, Instant now) {
        Failures f = perClient.getIfPresent(key(email, client));
        if (f == null || !now.isBefore(f.nextAttemptAt())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.nextAttemptAt()));
    }

    /** Records a failure; returns how long the client must wait before its next attempt. */
    public Duration failed(String email, String client, Instant now) {
        AuthConfig.Throttle t = config.throttle();
        Failures f = perClient.asMap().compute(key(email, client), (k, old) -> {
            int n = old == null ? 1 : old.inARow() + 1;
            Duration delay = t.slowdownBase().multipliedBy(1L << Math.min(n - 1, 30));
            if (delay.compareTo(t.maxDelay()) > 0) {
                delay = t.maxDelay();
            }
            return new Failures(n, now.plus(delay));
        });
        return Duration.between(now, f.nextAttemptAt());
    }

    public void succeeded(String email, String client) {
        perClient.invalidate(key(email, client));
    }

    /**
     * Counts a failure on the address from any client; true exactly when the count within the
     * notice window reaches {@code notify-after}, i.e. once per window: time to email the owner.
     */
    public boolean failedOnAccount(String email, Instant now) {
        AuthConfig.Throttle t = config.throttle();
        Window w = perAccount.asMap().compute(normalized(email), (k, old) ->
                old == null || now.isAfter(old.since().plus(t.noticeWindow())) ? new Window(now, 1)
                        : new Window(old.since(), old.failures() + 1));
        return w.failures() == t.notifyAfter();
    }

    private static String key(String email, String client) {
        return normalized(email) + "|" + client;
    }

    private static String normalized(String email) {
        String n = Account.normalize(email);
        return n == null ? "" : n;
    }
}
