package org.undersigned.mail;

import org.undersigned.support.TestPorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a real SMTP server (GreenMail): while it is down, mail waits in the outbox and is
 * retried; once it is back, every email arrives, and none twice.
 */
@QuarkusTest
@TestProfile(SmtpOutageTest.RealSmtp.class)
class SmtpOutageTest {

    static final int SMTP_PORT = TestPorts.port(3925);

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "localhost",
                    "quarkus.mailer.port", String.valueOf(SMTP_PORT),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "undersigned.mail.first-retry", "200ms",
                    "undersigned.mail.longest-retry", "1s",
                    "undersigned.mail.send-every", "200ms");
        }
    }

    @Inject
    TestData data;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mailWaitsThroughAnOutageAndArrivesOnce() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String[] emails = {TestData.uniqueEmail("outage-a"), TestData.uniqueEmail("outage-b"), TestData.uniqueEmail("outage-c")};
        for (String email : emails) {
            SignOnForms.post(letter.slug, SignOnForms.organization("Org " + email, email)).then().statusCode(303);
        }

        // SMTP is down: the sender keeps trying, nothing is lost.
        awaitTrue(() -> Arrays.stream(emails).allMatch(e -> data.emailsTo(e).get(0).attempts >= 2), "retries while down");
        for (String email : emails) {
            OutboxEmail queued = data.emailsTo(email).get(0);
            assertNull(queued.sentAt);
            assertNull(queued.failedAt);
            assertTrue(queued.lastError.contains("Connect"), "records why: " + queued.lastError);
        }

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        awaitTrue(() -> Arrays.stream(emails).allMatch(e -> data.emailsTo(e).get(0).sentAt != null), "delivered once back");
        Thread.sleep(1500); // a few more sender rounds: nothing may be sent again

        MimeMessage[] received = smtp.getReceivedMessages();
        for (String email : emails) {
            long copies = Arrays.stream(received).filter(m -> recipient(m).equals(email)).count();
            assertEquals(1, copies, email + " received exactly once");
            assertNotNull(data.emailsTo(email).get(0).sentAt);
        }
        assertTrue(received[0].getSubject().startsWith("Please confirm your signature"));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
