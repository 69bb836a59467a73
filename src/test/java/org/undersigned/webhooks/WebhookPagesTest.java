package org.undersigned.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;
import org.undersigned.support.WebhookReceiver;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook admin pages: a thin front of {@link Webhooks}, like the JSON API. Registration shows
 * the secret once (and never again), events and trust change (trust audited), a real failed
 * delivery shows on the endpoint's page and is delivered again from it, deliveries page by keyset,
 * deactivation stops the endpoint. ADMINs only.
 */
@QuarkusTest
class WebhookPagesTest {

    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9_-]+");

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookConfig config;

    @Test
    void anAdminRegistersAnEndpointSeesItsSecretOnceAndLooksAfterIt() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        Admins.Session admin = admins.session(Role.ADMIN);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response made = admin.browser().contentType("application/x-www-form-urlencoded").formParam("csrf", admin.csrf())
                    .formParam("url", receiver.url()).formParam("letterId", String.valueOf(letter.id))
                    .formParam("events", "signature.confirmed").post("/admin/webhooks");
            made.then().statusCode(200);
            assertEquals("no-store", made.header("Cache-Control"), "the secret is in no cache");
            Matcher m = SECRET.matcher(made.asString());
            assertTrue(m.find(), "the secret is shown");
            String secret = m.group();
            long id = ((Number) data.single("select id from webhook_endpoint where url = ?1", receiver.url())).longValue();
            assertEquals(1, data.countRows("audit_event", "action = 'webhook.registered' and letter_id = ?1", letter.id));

            String list = admin.browser().get("/admin/webhooks?letter=" + letter.id).then().statusCode(200).extract().asString();
            assertTrue(list.contains("href=\"/admin/webhooks/" + id + "\""), "listed for its letter");
            assertFalse(list.contains(secret), "never shown again");
            String page = "/admin/webhooks/" + id;
            assertFalse(admin.browser().get(page).then().statusCode(200).extract().asString().contains(secret));

            // Events change; none at all is refused and writes nothing.
            admin.post(page + "/events", Map.of()).then().statusCode(400);
            assertEquals("signature.confirmed", data.single("select array_to_string(events, ',') from webhook_endpoint where id = ?1", id));
            admin.browser().contentType("application/x-www-form-urlencoded").formParam("csrf", admin.csrf())
                    .formParam("events", "signature.confirmed").formParam("events", "signature.approved")
                    .post(page + "/events").then().statusCode(303);
            assertEquals("signature.confirmed,signature.approved", // in the events' own order
                    data.single("select array_to_string(events, ',') from webhook_endpoint where id = ?1", id));

            // Trust: only an ADMIN, audited.
            admins.session(Role.EDITOR).post(page + "/trusted", Map.of("trusted", "yes")).then().statusCode(403);
            assertEquals(Boolean.FALSE, data.single("select trusted from webhook_endpoint where id = ?1", id));
            admin.post(page + "/trusted", Map.of("trusted", "yes")).then().statusCode(303);
            assertEquals(Boolean.TRUE, data.single("select trusted from webhook_endpoint where id = ?1", id));
            assertEquals(1, data.countRows("audit_event", "action = 'webhook.trusted' and letter_id = ?1", letter.id));
            assertTrue(admin.browser().get(page + "?notice=trusted").then().statusCode(200).extract().asString()
                    .contains("recorded in the audit trail"));

            // A real delivery fails (the receiver answers 500 to every attempt): its status shows on the list.
            receiver.answerNext(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
            String email = TestData.uniqueEmail("hookpage");
            SignOnForms.post(letter.slug, SignOnForms.organization("Hook Page Org", email)).then().statusCode(303);
            Mails.confirmByLink(data.emailsTo(email));
            long delivery = ((Number) data.single("select id from webhook_delivery where endpoint_id = ?1", id)).longValue();
            waitFor(delivery, "last_status = 500");
            assertTrue(admin.browser().get("/admin/webhooks").then().statusCode(200).extract().asString().contains("(HTTP 500)"));
            // Out of attempts sooner than the real backoff allows: the attempt after this one is the last.
            data.execute("update webhook_delivery set attempts = ?1, next_attempt_at = now() where id = ?2",
                    config.maxAttempts() - 1, delivery);
            waitFor(delivery, "state = 'FAILED'");
            String withFailed = admin.browser().get(page).then().statusCode(200).extract().asString();
            assertTrue(withFailed.contains("action=\"/admin/webhooks/" + id + "/deliveries/" + delivery + "/redeliver\""));

            // Delivered again from the page: a fresh set of attempts, audited, and this time it arrives.
            receiver.answerNormally();
            admin.post(page + "/deliveries/" + delivery + "/redeliver", Map.of()).then().statusCode(303);
            assertEquals(1, data.countRows("audit_event", "action = 'webhook.redelivered' and letter_id = ?1", letter.id));
            waitFor(delivery, "state = 'DELIVERED'");
            admin.post(page + "/deliveries/" + delivery + "/redeliver", Map.of()).then().statusCode(409);

            // Rotation shows the new secret once, with the overlap explained.
            Response rotated = admin.post(page + "/rotate-secret", Map.of());
            rotated.then().statusCode(200);
            assertEquals("no-store", rotated.header("Cache-Control"));
            Matcher fresh = SECRET.matcher(rotated.asString());
            assertTrue(fresh.find());
            assertFalse(fresh.group().equals(secret));
            assertTrue(rotated.asString().contains("For the next " + config.rotationOverlap().toHours() + " hours the previous secret keeps signing"));

            // Deactivated: nothing more is sent, and the page no longer offers changes.
            admin.post(page + "/deactivate", Map.of()).then().statusCode(303);
            assertEquals(Boolean.FALSE, data.single("select active from webhook_endpoint where id = ?1", id));
            String after = admin.browser().get(page).then().statusCode(200).extract().asString();
            assertFalse(after.contains("/rotate-secret"));
            assertTrue(after.contains("deactivated"));
        }
    }

    @Test
    void badRegistrationsShowTheFormAgainAndWriteNothing() {
        Admins.Session admin = admins.session(Role.ADMIN);
        long before = data.countRows("webhook_endpoint", "true");
        String html = admin.browser().contentType("application/x-www-form-urlencoded").formParam("csrf", admin.csrf())
                .formParam("url", "ftp://example.org/x").post("/admin/webhooks").then().statusCode(400).extract().asString();
        assertTrue(html.contains("Enter the receiver&#39;s full address") || html.contains("Enter the receiver's full address"), html);
        assertTrue(html.contains("Choose at least one event."));
        assertTrue(html.contains("value=\"ftp://example.org/x\""), "what was typed is kept");
        assertEquals(before, data.countRows("webhook_endpoint", "true"));
        admins.session(Role.EDITOR).browser().get("/admin/webhooks").then().statusCode(403);
        admins.session(Role.VETTER).post("/admin/webhooks", Map.of("url", "https://example.org/h", "events", "signature.approved"))
                .then().statusCode(403);
        assertEquals(before, data.countRows("webhook_endpoint", "true"));
    }

    @Test
    void deliveriesArePagedByKeyset() {
        Admins.Session admin = admins.session(Role.ADMIN);
        Letter letter = data.open(LetterOptions.organizationsOnly());
        long id = ((Number) data.single("""
                insert into webhook_endpoint (id, letter_id, url, events, secret, trusted, active, created_at, version)
                values (nextval('webhook_endpoint_seq'), ?1, 'https://receiver.example/keyset', '{signature.approved}',
                        'whsec_test', false, false, now(), 0) returning id""", letter.id)).longValue();
        // 55 finished deliveries (an inactive endpoint: the sender leaves them alone).
        data.execute("""
                insert into webhook_delivery (endpoint_id, event, letter_id, state_after, occurred_at, state, attempts, delivered_at)
                select ?1, 'signature.approved', ?2, 'APPROVED', now(), 'DELIVERED', 1, now() from generate_series(1, 55)""",
                id, letter.id);
        String first = admin.browser().get("/admin/webhooks/" + id).then().statusCode(200).extract().asString();
        assertEquals(50, count(first, "<tr id=\"delivery-"));
        Matcher next = Pattern.compile("href=\"/admin/webhooks/" + id + "\\?before=(\\d+)\" rel=\"next\"").matcher(first);
        assertTrue(next.find(), "a link to older deliveries");
        String second = admin.browser().get("/admin/webhooks/" + id + "?before=" + next.group(1)).then().statusCode(200)
                .extract().asString();
        assertEquals(5, count(second, "<tr id=\"delivery-"));
        assertFalse(second.contains("rel=\"next\""));
    }

    /** Runs the sender until the delivery matches {@code condition} (an SQL condition on its row), at most 20 s. */
    private void waitFor(long delivery, String condition) throws InterruptedException {
        String sql = "select count(*) from webhook_delivery where id = ?1 and " + condition;
        long until = System.currentTimeMillis() + 20_000;
        while (((Number) data.single(sql, delivery)).longValue() == 0 && System.currentTimeMillis() < until) {
            sender.sendDue();
            Thread.sleep(100);
        }
        assertEquals(1L, ((Number) data.single(sql, delivery)).longValue(), "delivery " + delivery + " where " + condition);
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
