package org.undersigned.mail;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How much this instance may send now. Providers that throttle get what they ask for: a cap per
 * instance ({@code undersigned.mail.max-per-second}, a token bucket here), a cap for the whole
 * cluster ({@code undersigned.mail.cluster-max-per-second}, a per-second budget in the database
 * that every instance draws from), and a pause whenever the server answers 421, 450 or 451
 * ("slow down, try later"), doubling while it keeps saying so.
 */
@ApplicationScoped
public class SendRate {

    @Inject
    MailConfig config;

    @Inject
    OutboxClaims claims;

    private Bucket local;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Duration pause;

    @PostConstruct
    void init() {
        local = config.maxPerSecond().map(perSecond -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build()).orElse(null);
        pause = config.slowDownPause();
    }

    /** How many of {@code want} emails may be sent now (0 while paused or over a cap). */
    public int permits(int want) {
        if (Instant.now().isBefore(pausedUntil)) {
            return 0;
        }
        int allowed = want;
        if (local != null) {
            allowed = (int) local.tryConsumeAsMuchAsPossible(allowed);
        }
        if (allowed > 0 && config.clusterMaxPerSecond().isPresent()) {
            int granted = claims.reserveClusterBudget(allowed, config.clusterMaxPerSecond().get());
            if (local != null && granted < allowed) {
                local.addTokens(allowed - granted);
            }
            allowed = granted;
        }
        return allowed;
    }

    /** Learns from a batch's answers: any "slow down" pauses this instance. */
    public void observe(List<SendResult> results) {
        boolean slowDown = results.stream().anyMatch(r -> r.outcome() == SendResult.Outcome.SLOW_DOWN);
        if (slowDown) {
            pausedUntil = Instant.now().plus(pause);
            Log.warnf("Outbox: the mail server asked to slow down; pausing sending for %s", pause);
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(config.longestSlowDownPause()) > 0 ? config.longestSlowDownPause() : doubled;
        } else if (results.stream().anyMatch(r -> r.outcome() == SendResult.Outcome.SENT)) {
            pause = config.slowDownPause();
        }
    }

    public boolean paused() {
        return Instant.now().isBefore(pausedUntil);
    }
}
