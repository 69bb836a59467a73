package org.undersigned.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.jobs.JobRunner;
import org.undersigned.letter.Letter;
import org.undersigned.mail.RealSmtp;
import org.undersigned.support.RealSmtpTest;
import org.undersigned.signing.Signature;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Campaign updates by email, against a real SMTP server: exactly the signers who asked for
 * updates get one copy each, a confirmation with the wrong count sends nothing, a fan-out
 * resumed after its worker died sends nobody anything twice, and one click unsubscribes.
 */
@QuarkusTest
@TestProfile(RealSmtp.class)
class MailingTest extends RealSmtpTest {

    @Inject
    JobRunner runner;

    @Inject
    org.undersigned.jobs.Jobs jobs;

    @Inject
    org.undersigned.signing.UpdateSubscriptions subscriptions;

    private String signOn(Letter letter, String label, boolean updates) {
        String email = TestData.uniqueEmail(label);
        Map<String, String> form = SignOnForms.organization("Org " + label + " " + email, email);
        if (updates) {
            form.put("consentUpdates", "yes");
        }
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        return email;
    }

    private long postUpdate(Letter letter, String text) {
        return admins.api(Role.EDITOR).body(Map.of("postedOn", java.time.LocalDate.now().toString(), "markdown", text))
                .post("/api/admin/letters/" + letter.id + "/updates").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath draft(Letter letter, long updateId) {
        return admins.api(Role.EDITOR).body(Map.of("kind", "UPDATE", "updateId", updateId))
                .post("/api/admin/letters/" + letter.id + "/mailings").then().statusCode(201).extract().jsonPath();
    }

    private long received(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(email)).count();
    }

    @Test
    void anUpdateReachesEachConsentingConfirmedSignerOnceAndNobodyElse() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String approved = signOn(letter, "approved", true);
        String pending = signOn(letter, "pending", true);
        String noConsent = signOn(letter, "noconsent", false);
        String withdrawn = signOn(letter, "withdrawn", true);
        String unconfirmed = signOn(letter, "unconfirmed", true);
        String unsubscribes = signOn(letter, "unsub", true);
        data.approve(approved);
        data.confirm(pending);
        data.approve(noConsent);
        data.approve(withdrawn);
        data.withdraw(withdrawn);
        data.approve(unsubscribes);
        background.sendDueMail(); // the confirmation emails, out of the way
        smtp.reset();

        long update = postUpdate(letter, "**Victory**: the company extended its moratorium.");
        JsonPath mailing = draft(letter, update);
        long mid = mailing.getLong("id");
        assertEquals("DRAFT", mailing.getString("state"));
        assertEquals(3, mailing.getLong("recipientsNow"));
        assertTrue(mailing.getString("bodyText").contains("Victory"));

        // A test copy goes to the editor only.
        admins.api(Role.EDITOR).post("/api/admin/mailings/" + mid + "/test").then().statusCode(202);

        // One signer unsubscribes (one click, from an earlier update email) before the send.
        Signature leaving = data.only(unsubscribes);
        String unsubscribeUrl = subscriptions.unsubscribeUrl(leaving.id());
        RestAssured.given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribeUrl.replaceAll("^https?://[^/]+", "")).then().statusCode(200);

        // The editor confirms the number they saw, which is now wrong: nothing is sent.
        admins.api(Role.EDITOR).body(Map.of("expectedRecipients", 3)).post("/api/admin/mailings/" + mid + "/send")
                .then().statusCode(409).body("detail", containsString("there are now 2"));
        admins.api(Role.EDITOR).body(Map.of("expectedRecipients", 2)).post("/api/admin/mailings/" + mid + "/send")
                .then().statusCode(202).body("state", org.hamcrest.Matchers.equalTo("SENDING"));

        background.runJobs();
        background.sendDueMail();
        JsonPath done = admins.api(Role.EDITOR).get("/api/admin/mailings/" + mid).then().statusCode(200).extract().jsonPath();
        assertEquals("SENT", done.getString("state"));
        assertEquals(2, done.getLong("queued"));
        assertEquals(2, done.getLong("sent"));
        assertEquals(1, received(approved));
        assertEquals(1, received(pending));
        assertEquals(0, received(noConsent));
        assertEquals(0, received(withdrawn));
        assertEquals(0, received(unconfirmed));
        assertEquals(0, received(unsubscribes));
        assertEquals(1, Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("[Test]")).count());

        MimeMessage copy = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(approved)).findFirst().orElseThrow();
        String listUnsubscribe = copy.getHeader("List-Unsubscribe")[0];
        assertTrue(listUnsubscribe.matches("<http://localhost:\\d+/unsubscribe/\\d+\\.[A-Za-z0-9_-]+>"), listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", copy.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(text(copy).contains("Victory") && text(copy).contains(listUnsubscribe.substring(1, listUnsubscribe.length() - 1)),
                "the link is in the body too");

        // RFC 8058: the mail program posts to the header's address; it takes effect at once, without signing in.
        RestAssured.given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post(listUnsubscribe.substring(1, listUnsubscribe.length() - 1).replaceAll("^https?://[^/]+", ""))
                .then().statusCode(200);
        assertFalse(data.only(approved).consentUpdates());
        assertEquals(1, data.countRows("audit_event", "signature_id = ?1 and action = 'signature.unsubscribed'", data.only(approved).id()));
        long second = postUpdate(letter, "Another update.");
        assertEquals(1, draft(letter, second).getLong("recipientsNow"), "only the pending signer is left");
    }

    @Test
    void aFanOutResumedAfterItsWorkerDiedSendsNobodyAnythingTwice() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        int signers = 2_500;
        data.execute("""
                insert into signature (id, letter_id, letter_version, kind, state, source, display_name, city, country,
                    org_type, sort_key, name_key, contact_name, email, email_normalized, consent_public, consent_updates,
                    confirm_token_hash, confirm_expires_at, confirmed_at, created_at, updated_at, version)
                select nextval('signature_seq'), ?1, 1, 'ORGANIZATION', 'APPROVED', 'test', 'Fan-out Org ' || g, 'City', 'US',
                    'ADVOCACY', 'fan-out org ' || lpad(g::text, 6, '0'), 'fanout' || g, 'Contact ' || g,
                    'fanout-' || ?1 || '-' || g || '@example.org', 'fanout-' || ?1 || '-' || g || '@example.org', true, true,
                    md5(g::text), now(), now(), now(), now(), 0
                from generate_series(1, ?2) g""", letter.id, signers);
        long update = postUpdate(letter, "Thousands of you signed.");
        long mid = draft(letter, update).getLong("id");
        admins.api(Role.EDITOR).body(Map.of("expectedRecipients", signers)).post("/api/admin/mailings/" + mid + "/send")
                .then().statusCode(202);

        // One chunk, then the worker dies: its lease lapses, and the record of its progress is lost too,
        // as if the instance died after the chunk's emails were written (the worst case).
        long job = runner.claim().orElseThrow();
        runner.runSlice(job, Instant.EPOCH);
        assertEquals(1_000, data.countRows("outbox_email", "mailing_id = ?1", mid));
        data.execute("""
                update background_job set state = 'RUNNING', lease_owner = 'instance-that-died',
                    lease_until = now() - interval '1 second', cursor_value = null, done = 0 where id = ?1""", job);

        background.runJobs();
        assertEquals(signers, data.countRows("outbox_email", "mailing_id = ?1", mid));
        assertEquals(signers, data.countRows("(select distinct signature_id from outbox_email where mailing_id = "
                + mid + ") s", "true"), "one email per signer");
        JsonPath done = admins.api(Role.EDITOR).get("/api/admin/mailings/" + mid).then().extract().jsonPath();
        assertEquals("SENT", done.getString("state"));
        assertEquals(signers, done.getLong("queued"));
        assertEquals(org.undersigned.jobs.JobState.SUCCEEDED, jobs.view(job).state());
        assertEquals(1, jobs.view(job).attempts(), "the dead worker counted as an attempt");
    }

    @Test
    void aDraftCanBeDroppedAndOnlyEditorsOfTheLetterMayMail() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        long update = postUpdate(letter, "Draft only.");
        long mid = draft(letter, update).getLong("id");
        admins.api(Role.VETTER).get("/api/admin/mailings/" + mid).then().statusCode(403);
        admins.api(Role.EDITOR).post("/api/admin/mailings/" + mid + "/cancel").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("CANCELLED"));
        admins.api(Role.EDITOR).body(Map.of("expectedRecipients", 0)).post("/api/admin/mailings/" + mid + "/send")
                .then().statusCode(409).body("type", containsString("illegal-transition"));
    }

    private static List<String> to(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
