package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps intake and email in step. A sign-on is only done when its confirmation email has gone
 * out: accepting people faster than the outbox can mail them just moves the wait into their
 * inbox, where most give up. So when the oldest confirmation waiting to be sent is older than
 * {@code undersigned.mail.backpressure.lag}, each sign-on waits a little before it is written
 * (more the further behind the outbox is, up to {@code max-delay}), which leaves the machine's
 * time to the sender until it catches up. The wait holds no database connection. With no
 * backlog it costs nothing; {@code max-delay=0} turns it off.
 */
@ApplicationScoped
public class MailBackpressure {

    /** Extra wait per second of lag beyond the allowed lag. */
    private static final long MILLIS_PER_SECOND_BEHIND = 40;

    @Inject
    MailConfig config;

    /** How far behind the outbox's links were at the last claim (0 when it had caught up). */
    private volatile Duration lag = Duration.ZERO;

    /** Called by the sender after each claim: {@code full} means more were waiting than it took. */
    void observe(List<OutboxClaims.Claimed> batch, boolean full, Instant now) {
        if (!full) {
            lag = Duration.ZERO;
            return;
        }
        batch.stream().filter(e -> e.priority() == MailPriority.LINK.level())
                .map(OutboxClaims.Claimed::createdAt).min(Instant::compareTo)
                .ifPresentOrElse(oldest -> lag = Duration.between(oldest, now), () -> lag = Duration.ZERO);
    }

    public Duration lag() {
        return lag;
    }

    /** How long a sign-on should wait now. */
    public Duration delay() {
        return delayFor(lag, config.backpressureLag(), config.backpressureMaxDelay());
    }

    static Duration delayFor(Duration lag, Duration allowed, Duration max) {
        Duration behind = lag.minus(allowed);
        if (behind.isNegative() || behind.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.min(max.toMillis(), behind.toMillis() * MILLIS_PER_SECOND_BEHIND / 1000));
    }

    /** Waits as long as {@link #delay()} says (on a worker thread, holding nothing). */
    public void pace() {
        long millis = delay().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
