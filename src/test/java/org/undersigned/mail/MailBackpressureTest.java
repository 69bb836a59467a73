package org.undersigned.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-ons wait only when confirmations lag, more the further behind, never beyond the cap. */
class MailBackpressureTest {

    private static Duration delay(long lagMillis) {
        return MailBackpressure.delayFor(Duration.ofMillis(lagMillis), Duration.ofSeconds(3), Duration.ofMillis(500));
    }

    @Test
    void noWaitWhileTheOutboxKeepsUp() {
        assertEquals(Duration.ZERO, delay(0));
        assertEquals(Duration.ZERO, delay(3_000));
    }

    @Test
    void theWaitGrowsWithTheLagUpToTheCap() {
        assertEquals(Duration.ofMillis(40), delay(4_000));
        assertEquals(Duration.ofMillis(200), delay(8_000));
        assertEquals(Duration.ofMillis(500), delay(60_000));
        assertEquals(Duration.ZERO, MailBackpressure.delayFor(Duration.ofMinutes(5), Duration.ofSeconds(3), Duration.ZERO),
                "a cap of zero turns it off");
    }
}
