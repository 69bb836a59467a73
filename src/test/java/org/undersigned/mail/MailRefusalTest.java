package org.undersigned.mail;

import org.undersigned.support.TestPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.Background;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the outbox does when a real SMTP server refuses: Postfix's smtp-sink, told to answer RCPT
 * with a hard error (5xx), a soft one (450) or "421, closing". Permanent refusals bounce and are
 * never retried; temporary ones are retried later, and "slow down" answers pause the sender.
 */
@QuarkusTest
@TestProfile(MailRefusalTest.SinkSmtp.class)
class MailRefusalTest {

    static final int PORT = TestPorts.port(3932);

    public static class SinkSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(PORT),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.keep-alive", "false",
                    "undersigned.mail.send-every", "off",
                    "undersigned.mail.first-retry", "200ms",
                    "undersigned.mail.slow-down-pause", "1s");
        }
    }

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Background background;

    @Inject
    SendRate rate;

    private Process sink;

    /** smtp-sink answering as told; it refuses to run as root without a user to switch to. */
    private void startSink(String... refusals) throws Exception {
        String binary = Files.isExecutable(Path.of("/usr/sbin/smtp-sink")) ? "/usr/sbin/smtp-sink" : "smtp-sink";
        List<String> command = new ArrayList<>(List.of(binary));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "postfix"));
        }
        command.addAll(List.of(refusals));
        command.addAll(List.of("127.0.0.1:" + PORT, "16"));
        sink = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("smtp-sink did not start (deploy/lib/smtp.sh installs it)");
    }

    @AfterEach
    void stopSink() throws Exception {
        if (sink != null) {
            sink.destroy();
            sink.waitFor();
        }
        Thread.sleep(1100); // any pause from a "slow down" test is over
    }

    private String signOn(Letter letter) {
        String email = TestData.uniqueEmail("refused");
        SignOnForms.post(letter.slug, SignOnForms.organization("Refused Org " + email, email)).then().statusCode(303);
        return email;
    }

    @Test
    void anAddressRefusedForGoodBouncesIsNeverRetriedAndIsAVettingSignal() throws Exception {
        startSink("-f", "rcpt");
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = signOn(letter);
        background.sendDueMail();

        OutboxEmail row = data.emailsTo(email).get(0);
        assertEquals(OutboxState.BOUNCED, row.state());
        assertNotNull(row.bouncedAt);
        assertTrue(row.smtpReply.startsWith("5"), row.smtpReply);
        assertNull(row.bodyText, "the body (a live link) is gone");
        assertNotNull(data.only(email).emailBouncedAt().orElse(null), "the signature shows the bounce");
        admins.api(Role.ADMIN).queryParam("state", "UNCONFIRMED").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().statusCode(200).body("rows.find { it.email == '" + email + "' }.emailBounced", equalTo(true));
        admins.session(Role.ADMIN).browser().queryParam("state", "UNCONFIRMED").get("/admin/letters/" + letter.id + "/queue")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("email bounced"));

        data.execute("update outbox_email set next_attempt_at = now() - interval '1 hour' where id = ?1", row.id);
        background.sendDueMail();
        assertEquals(1, data.emailsTo(email).get(0).attempts, "never tried again");

        admins.api(Role.ADMIN).get("/api/admin/mail").then().statusCode(200)
                .body("bounced", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aTemporaryRefusalIsRetriedLaterAndSlowsTheSenderDown() throws Exception {
        startSink("-r", "rcpt");
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = signOn(letter);
        background.sendDueMail();

        OutboxEmail row = data.emailsTo(email).get(0);
        assertEquals(OutboxState.QUEUED, row.state());
        assertEquals(1, row.attempts);
        assertTrue(row.smtpReply.startsWith("450"), row.smtpReply);
        assertTrue(rate.paused(), "a 450 pauses this instance's sending");
        assertEquals(0, background.sendDueMail(), "nothing is sent while paused");

        sink.destroy();
        sink.waitFor();
        startSink();
        Thread.sleep(1100);
        background.sendDueMail();
        assertEquals(OutboxState.SENT, data.emailsTo(email).get(0).state());
    }

    @Test
    void aServerClosingWith421IsAskingToSlowDown() throws Exception {
        startSink("-Q", "rcpt");
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = signOn(letter);
        background.sendDueMail();
        OutboxEmail row = data.emailsTo(email).get(0);
        assertEquals(OutboxState.QUEUED, row.state());
        // Pipelined (the default), the reply and the hang-up arrive together and the client reports
        // the hang-up; either way it is a request to slow down.
        assertTrue(row.smtpReply.startsWith("421") || row.smtpReply.equals("IOException"), row.smtpReply);
        assertTrue(rate.paused());
    }

    @Test
    void anAdminSeesGivenUpMailAndSendsItAgain() throws Exception {
        startSink();
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = signOn(letter);
        long id = data.emailsTo(email).get(0).id;
        data.execute("update outbox_email set state = 'FAILED', failed_at = now(), attempts = 12, last_error = 'ConnectException' where id = ?1", id);
        admins.api(Role.ADMIN).get("/api/admin/mail").then().statusCode(200)
                .body("failed", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("problems.find { it.id == " + id + " }.state", equalTo("FAILED"));
        admins.api(Role.VETTER).get("/api/admin/mail").then().statusCode(403);
        admins.api(Role.ADMIN).post("/api/admin/mail/" + id + "/retry").then().statusCode(200);
        background.sendDueMail();
        assertEquals(OutboxState.SENT, data.emailsTo(email).get(0).state());
        admins.api(Role.ADMIN).post("/api/admin/mail/" + id + "/retry").then().statusCode(409);
    }
}
