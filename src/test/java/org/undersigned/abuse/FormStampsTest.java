package org.undersigned.abuse;

import org.junit.jupiter.api.Test;
import org.undersigned.infra.AppSecrets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed "form served at" stamp: a person's post passes, a fast, forged or stamp-less one is flagged. */
class FormStampsTest {

    private static FormStamps stamps(byte[] key) {
        FormStamps s = new FormStamps();
        s.secrets = new AppSecrets() {
            @Override
            public byte[] get(String name) {
                return key.clone();
            }
        };
        s.config = new AbuseConfig() {
            public Optional<List<String>> trustedProxies() {
                return Optional.empty();
            }

            public Duration minFillTime() {
                return Duration.ofSeconds(3);
            }

            public Duration maxFormAge() {
                return Duration.ofHours(24);
            }

            public Optional<List<String>> extraDisposableDomains() {
                return Optional.empty();
            }

            public Alerts alerts() {
                return null;
            }

            public SignerMail signerMail() {
                return null;
            }

            public int ipv6PrefixLength() {
                return 64;
            }
        };
        return s;
    }

    private final FormStamps stamps = stamps(new byte[32]);
    private final Instant now = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aFormFilledInAtHumanSpeedPasses() {
        String stamp = stamps.issue(now.minusSeconds(40));
        assertEquals(FormStamps.LENGTH, stamp.length(), "fixed length, so cached pages can have it written in");
        assertEquals(Optional.empty(), stamps.check(stamp, now));
        assertEquals(Optional.of(now.minusSeconds(40)), stamps.verify(stamp));
    }

    @Test
    void tooFastForgedOrMissingIsFlagged() {
        assertEquals(Optional.of(BotSignal.TOO_FAST), stamps.check(stamps.issue(now.minusSeconds(1)), now));
        String stamp = stamps.issue(now.minusSeconds(40));
        String forgedTime = stamps.issue(now.minusSeconds(3600)).substring(0, 11) + stamp.substring(11);
        assertEquals(Optional.of(BotSignal.NO_FORM_TOKEN), stamps.check(forgedTime, now));
        assertEquals(Optional.of(BotSignal.NO_FORM_TOKEN), stamps.check(null, now));
        assertEquals(Optional.of(BotSignal.NO_FORM_TOKEN), stamps.check(FormStamps.PLACEHOLDER, now));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertEquals(Optional.of(BotSignal.NO_FORM_TOKEN), stamps(otherKey).check(stamp, now),
                "a stamp signed with another key (another installation) is not ours");
        assertTrue(stamps.verify("0000000000." + "A".repeat(22)).isEmpty());
    }

    @Test
    void aStampFetchedOnceCannotBeReusedForever() {
        assertEquals(Optional.empty(), stamps.check(stamps.issue(now.minus(Duration.ofHours(23))), now),
                "a form left open overnight still counts");
        assertEquals(Optional.of(BotSignal.NO_FORM_TOKEN), stamps.check(stamps.issue(now.minus(Duration.ofHours(25))), now));
    }
}
