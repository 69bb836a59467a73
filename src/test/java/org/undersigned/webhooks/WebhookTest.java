package org.undersigned.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.infra.Hashing;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.WebhookReceiver;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks against a real HTTP receiver: signed deliveries for each event, retried after a
 * failure, contact details only to an endpoint an ADMIN trusted (audited), secret rotation.
 */
@QuarkusTest
class WebhookTest {

    private static final List<String> SIGNATURE_EVENTS = List.of("signature.confirmed", "signature.approved", "signature.withdrawn");
    private static final String PHONE = "+1 555 010 4477";
    private static final String CONTACT = "Hookcontact Person";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookCleanup cleanup;

    @Test
    void eachEventArrivesSignedAndWithoutContactDetails() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response registered = register(letter.id, receiver.url(), SIGNATURE_EVENTS);
            String secret = registered.jsonPath().getString("secret");
            long endpoint = registered.jsonPath().getLong("endpoint.id");
            assertTrue(secret.startsWith("whsec_"));
            assertFalse(registered.jsonPath().getBoolean("endpoint.trusted"), "untrusted until an admin says otherwise");

            String email = signOn(letter);
            String manage = Mails.confirmByLink(data.emailsTo(email));
            data.approve(email);
            given().redirects().follow(false).post(manage + "/withdraw").then().statusCode(303);

            List<WebhookReceiver.Received> got = receiver.await(3, sender, Duration.ofSeconds(20));
            // Deliveries go out in parallel, so they may arrive in any order: the id orders them.
            got = new ArrayList<>(got);
            got.sort(java.util.Comparator.comparingLong(r -> Long.parseLong(r.header(WebhookSender.DELIVERY_HEADER).substring(4))));
            List<String> events = new ArrayList<>();
            for (WebhookReceiver.Received r : got) {
                verifySignature(r, secret);
                JsonNode body = JSON.readTree(r.body());
                assertEquals(r.header(WebhookSender.EVENT_HEADER), body.get("event").asText());
                assertEquals(r.header(WebhookSender.DELIVERY_HEADER), body.get("id").asText());
                assertEquals(letter.slug, body.at("/letter/slug").asText());
                assertEquals("Hook Org", body.at("/signature/name").asText());
                assertFalse(body.has("contact"), r.body());
                for (String secretValue : List.of(email, PHONE, CONTACT, "010 4477")) {
                    assertFalse(r.body().contains(secretValue), "no contact details to an untrusted endpoint: " + r.body());
                }
                events.add(body.get("event").asText() + ":" + body.at("/signature/state").asText());
            }
            assertEquals(List.of("signature.confirmed:PENDING_REVIEW", "signature.approved:APPROVED", "signature.withdrawn:WITHDRAWN"), events);

            List<Map<String, Object>> deliveries = admins.api(Role.ADMIN).get("/api/admin/webhooks/" + endpoint + "/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(3, deliveries.size());
            for (Map<String, Object> d : deliveries) {
                assertEquals("DELIVERED", d.get("state"));
                assertEquals(204, d.get("lastStatus"));
            }
            Map<String, Object> view = admins.api(Role.ADMIN).get("/api/admin/webhooks/" + endpoint).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertEquals("DELIVERED", view.get("lastState"));
            assertEquals(204, view.get("lastStatus"));
            assertFalse(admins.api(Role.ADMIN).get("/api/admin/webhooks").asString().contains(secret), "the secret is shown once");
        }
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffAndTheSameSignedBody() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerNext(500);
            Response registered = register(letter.id, receiver.url(), List.of("signature.confirmed"));
            String secret = registered.jsonPath().getString("secret");
            long endpoint = registered.jsonPath().getLong("endpoint.id");
            Mails.confirmByLink(data.emailsTo(signOn(letter)));

            WebhookReceiver.Received failed = receiver.await(1, sender, Duration.ofSeconds(20)).get(0);
            assertEquals(500, failed.answered());
            Map<String, Object> after = admins.api(Role.ADMIN).get("/api/admin/webhooks/" + endpoint + "/deliveries")
                    .then().extract().jsonPath().getMap("[0]");
            assertEquals("QUEUED", after.get("state"), "kept for a retry");
            assertEquals(1, after.get("attempts"));
            assertEquals(500, after.get("lastStatus"));
            assertEquals("HTTP 500", after.get("lastError"));
            assertTrue(Instant.parse((String) after.get("nextAttemptAt")).isAfter(Instant.now().minusSeconds(1)), "backed off");

            WebhookReceiver.Received retried = receiver.await(1, sender, Duration.ofSeconds(20)).get(0);
            assertEquals(204, retried.answered());
            assertEquals(failed.header(WebhookSender.DELIVERY_HEADER), retried.header(WebhookSender.DELIVERY_HEADER), "same delivery");
            assertEquals(failed.body(), retried.body());
            verifySignature(retried, secret);
            // The receiver has answered; the sender records the answer just after: wait for it.
            Map<String, Object> done = Map.of();
            for (Instant until = Instant.now().plusSeconds(10); Instant.now().isBefore(until); Thread.sleep(100)) {
                done = admins.api(Role.ADMIN).get("/api/admin/webhooks/" + endpoint + "/deliveries")
                        .then().extract().jsonPath().getMap("[0]");
                if ("DELIVERED".equals(done.get("state"))) {
                    break;
                }
            }
            assertEquals("DELIVERED", done.get("state"));
            assertEquals(2, done.get("attempts"));
            assertTrue(receiver.nothingMore(sender, Duration.ofSeconds(2)), "delivered once it succeeded");

            // Finished deliveries go once old; queued ones never do.
            data.execute("update webhook_delivery set occurred_at = now() - interval '31 days' where endpoint_id = ?1", endpoint);
            cleanup.deleteOld();
            assertEquals(0, data.countRows("webhook_delivery", "endpoint_id = ?1", endpoint));
        }
    }

    @Test
    void onlyAnEndpointAnAdminTrustedReceivesContactDetails() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response registered = register(letter.id, receiver.url(), List.of("signature.confirmed"));
            long endpoint = registered.jsonPath().getLong("endpoint.id");
            admins.api(Role.EDITOR).body(Map.of("trusted", true)).put("/api/admin/webhooks/" + endpoint + "/trusted")
                    .then().statusCode(403);
            admins.api(Role.ADMIN).body(Map.of("trusted", true)).put("/api/admin/webhooks/" + endpoint + "/trusted")
                    .then().statusCode(200);
            assertEquals(1, data.countRows("audit_event", "action = 'webhook.trusted' and letter_id = ?1", letter.id));

            String email = signOn(letter);
            Mails.confirmByLink(data.emailsTo(email));
            JsonNode body = JSON.readTree(receiver.await(1, sender, Duration.ofSeconds(20)).get(0).body());
            assertEquals(email, body.at("/contact/email").asText());
            assertEquals(PHONE, body.at("/contact/phone").asText());
            assertEquals(CONTACT, body.at("/contact/name").asText());
            assertFalse(body.toString().contains("198.51.100"), "never the client address");
        }
    }

    @Test
    void aRotatedSecretSignsAlongsideThePreviousOneForAWhile() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response registered = register(letter.id, receiver.url(), List.of("signature.confirmed"));
            String old = registered.jsonPath().getString("secret");
            long endpoint = registered.jsonPath().getLong("endpoint.id");
            String fresh = admins.api(Role.ADMIN).post("/api/admin/webhooks/" + endpoint + "/rotate-secret")
                    .then().statusCode(200).extract().jsonPath().getString("secret");
            assertFalse(fresh.equals(old));
            Mails.confirmByLink(data.emailsTo(signOn(letter)));
            WebhookReceiver.Received r = receiver.await(1, sender, Duration.ofSeconds(20)).get(0);
            String header = r.header(WebhookSignatures.HEADER);
            assertEquals(2, header.split("v1=").length - 1, header);
            verifySignature(r, fresh);
            verifySignature(r, old);
            assertEquals(1, data.countRows("audit_event", "action = 'webhook.secret-rotated' and letter_id = ?1", letter.id));
        }
    }

    @Test
    void aLetterStateChangeReachesAGlobalEndpoint() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response registered = register(null, receiver.url(), List.of("letter.state_changed"));
            long endpoint = registered.jsonPath().getLong("endpoint.id");
            try {
                admins.api(Role.EDITOR).post("/api/admin/letters/" + letter.id + "/close").then().statusCode(200);
                JsonNode body = null;
                while (body == null || !letter.slug.equals(body.at("/letter/slug").asText())) {
                    body = JSON.readTree(receiver.await(1, sender, Duration.ofSeconds(20)).get(0).body());
                }
                assertEquals("letter.state_changed", body.get("event").asText());
                assertEquals("CLOSED", body.at("/letter/state").asText());
                assertFalse(body.has("signature"));
            } finally {
                admins.api(Role.ADMIN).post("/api/admin/webhooks/" + endpoint + "/deactivate").then().statusCode(200);
            }
        }
    }

    @Test
    void badRegistrationsAreRefusedAndOnlyAdminsMayRegister() {
        Letter letter = data.open(LetterOptions.everyone());
        long before = data.countRows("webhook_endpoint", "true");
        register(letter.id, "ftp://example.org/hook", List.of("signature.confirmed")).then().statusCode(400);
        register(letter.id, "https://example.org/hook", List.of("signature.exploded")).then().statusCode(400);
        register(letter.id, "https://example.org/hook", List.of()).then().statusCode(400);
        register(-5L, "https://example.org/hook", List.of("signature.confirmed")).then().statusCode(400);
        admins.api(Role.EDITOR).body(Map.of("letterId", letter.id, "url", "https://example.org/hook", "events", List.of("signature.confirmed")))
                .post("/api/admin/webhooks").then().statusCode(403);
        assertEquals(before, data.countRows("webhook_endpoint", "true"), "nothing written");
    }

    private Response register(Long letterId, String url, List<String> events) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("letterId", letterId);
        body.put("url", url);
        body.put("events", events);
        return admins.api(Role.ADMIN).body(body).post("/api/admin/webhooks");
    }

    private static String signOn(Letter letter) {
        String email = TestData.uniqueEmail("hook");
        Map<String, String> form = SignOnForms.organization("Hook Org", email);
        form.put("contactName", CONTACT);
        form.put("phone", PHONE);
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        return email;
    }

    /** What a receiver does: recompute the HMAC over "t.body" and find it among the v1 values; refuse old stamps. */
    private static void verifySignature(WebhookReceiver.Received r, String secret) {
        String header = r.header(WebhookSignatures.HEADER);
        long t = -1;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = Long.parseLong(part.substring(2));
            } else if (part.startsWith("v1=")) {
                v1.add(part.substring(3));
            }
        }
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "fresh timestamp");
        String expected = Hashing.hmacSha256Hex(secret.getBytes(StandardCharsets.UTF_8), t + "." + r.body());
        assertTrue(v1.contains(expected), "signed with the endpoint's secret: " + header);
    }
}
