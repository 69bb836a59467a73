package org.undersigned.signing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sign-ons counted by what became of them, as {@code undersigned_signons_total{result, reason}}.
 * The counters are made once, so counting costs an atomic add on the hot path. Sign-ons refused
 * by the rate limit never reach this code: they are {@code undersigned_rate_limited_total{limit="sign_on"}}.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // meters exist (at 0) from the start, not from first use: rate() and absent() need them
public class SignOnMetrics {

    /** What became of a sign-on; the sender is told the same in every accepted case. */
    public enum Outcome {
        /** Stored as a new entry and its confirmation email queued. */
        NEW("accepted"),
        /** The address had signed already: its owner was emailed privately, nothing new stored. */
        ALREADY_SIGNED("accepted"),
        /** The honeypot was filled: stored for the vetters, nobody emailed. */
        HONEYPOT("accepted"),
        /** Stored, but over the email quota, so no email was sent. */
        OVER_MAIL_QUOTA("accepted"),
        INVALID_INPUT("refused"),
        LETTER_NOT_OPEN("refused"),
        UNKNOWN_LETTER("refused");

        final String result;

        Outcome(String result) {
            this.result = result;
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    SignOnMetrics(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            counters.put(o, Counter.builder("undersigned.signons")
                    .description("Sign-ons received by this instance, by result and reason")
                    .tag("result", o.result).tag("reason", o.name().toLowerCase()).register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
