package org.undersigned.vetting;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bulk invalidation by client address, email domain or time window: previewed, audited, reversible. */
@QuarkusTest
class InvalidationTest {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void aFloodFromOneAddressIsTakenOutAndPutBackExactly() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String flood = "203.0.113." + NEXT.getAndIncrement();
        String unconfirmed = sign(letter, flood, "Flood Unconfirmed", TestData.uniqueEmail("f1"));
        String pending = sign(letter, flood, "Flood Pending", TestData.uniqueEmail("f2"));
        String approved = sign(letter, flood, "Flood Approved", TestData.uniqueEmail("f3"));
        String bystander = sign(letter, "192.0.2." + NEXT.getAndIncrement(), "Innocent Bystander", TestData.uniqueEmail("ok"));
        data.confirm(pending);
        data.approve(approved);
        data.approve(bystander);
        given().get("/letters/" + letter.slug).then().body(containsString("Flood Approved"));

        String base = "/api/admin/letters/" + letter.id + "/invalidations";
        admins.api(Role.VETTER).body(Map.of("clientRange", flood, "reason", "bot flood", "dryRun", true)).post(base)
                .then().statusCode(200).body("matching", equalTo(3))
                .body("byState.APPROVED", equalTo(1)).body("byState.PENDING_REVIEW", equalTo(1));
        assertEquals(SignatureState.APPROVED, data.only(approved).state(), "a preview changes nothing");

        int id = admins.api(Role.VETTER).body(Map.of("clientRange", flood, "reason", "bot flood")).post(base)
                .then().statusCode(201).body("count", equalTo(3)).extract().path("id");
        for (String email : new String[]{unconfirmed, pending, approved}) {
            assertEquals(SignatureState.INVALIDATED, data.only(email).state());
        }
        assertEquals(SignatureState.APPROVED, data.only(bystander).state());
        given().get("/letters/" + letter.slug).then()
                .body(not(containsString("Flood Approved"))).body(containsString("Innocent Bystander"));
        assertEquals(1, data.countRows("audit_event", "action = 'signatures.invalidated' and letter_id = ?1", letter.id));

        admins.api(Role.VETTER).get(base).then().statusCode(200).body("id", hasItem(id));
        admins.api(Role.VETTER).post(base + "/" + id + "/reversal").then().statusCode(200).body("restored", equalTo(3));
        assertEquals(SignatureState.UNCONFIRMED, data.only(unconfirmed).state());
        assertEquals(SignatureState.PENDING_REVIEW, data.only(pending).state());
        assertEquals(SignatureState.APPROVED, data.only(approved).state());
        given().get("/letters/" + letter.slug).then().body(containsString("Flood Approved"));
        admins.api(Role.VETTER).post(base + "/" + id + "/reversal").then().statusCode(409);
        assertEquals(1, data.countRows("audit_event", "action = 'signatures.invalidation-reversed' and letter_id = ?1", letter.id));
    }

    @Test
    void aLargeFloodIsInvalidatedAndRestoredByABackgroundJob() {
        // 33,000 entries: the request does the first thousand, a durable job the rest, with progress.
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String range = "198.18." + NEXT.getAndIncrement() + ".0/24";
        data.execute("""
                insert into signature (id, letter_id, letter_version, kind, state, source, display_name, country, sort_key,
                    name_key, email, email_normalized, consent_public, created_at, updated_at, client_ip, version)
                select nextval('signature_seq'), ?1, 1, 'ORGANIZATION', 'PENDING_REVIEW', 'web', 'Bot ' || g, 'US',
                    'bot ' || g, 'bot' || g, 'bot' || g || '@bots.example', 'bot' || g || '@bots.example', true,
                    now(), now(), cast(?2 as inet) + (g % 250), 0
                from generate_series(1, 33000) g""", letter.id, range.replace(".0/24", ".1"));
        String base = "/api/admin/letters/" + letter.id + "/invalidations";
        int id = admins.api(Role.VETTER).body(Map.of("clientRange", range, "reason", "bot flood")).post(base)
                .then().statusCode(201).body("count", equalTo(33000)).extract().path("id");
        assertEquals(1000, data.countRows("signature", "letter_id = ?1 and state = 'INVALIDATED'", letter.id),
                "the first chunk in the request");
        awaitCount(letter.id, "INVALIDATED", 33000);
        admins.api(Role.VETTER).post(base + "/" + id + "/reversal").then().statusCode(200).body("restored", equalTo(1000));
        awaitCount(letter.id, "PENDING_REVIEW", 33000);
        assertEquals(2, data.countRows("background_job", "letter_id = ?1 and state = 'SUCCEEDED'", letter.id));
    }

    private void awaitCount(long letterId, String state, long expected) {
        Instant until = Instant.now().plusSeconds(120);
        while (data.countRows("signature", "letter_id = ?1 and state = ?2", letterId, state) != expected) {
            if (Instant.now().isAfter(until)) {
                assertEquals(expected, data.countRows("signature", "letter_id = ?1 and state = ?2", letterId, state));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void byEmailDomainAndSubdomainsOrByTimeWindowInTheBrowser() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String domain = "flood" + NEXT.getAndIncrement() + ".example";
        sign(letter, "192.0.2.200", "Domain One", "a-" + TestData.uniqueSlug("x") + "@" + domain);
        sign(letter, "192.0.2.201", "Domain Two", "b-" + TestData.uniqueSlug("x") + "@mail." + domain);
        String other = sign(letter, "192.0.2.202", "Other Domain", TestData.uniqueEmail("other"));

        Admins.Session vetter = admins.session(Role.VETTER);
        String page = "/admin/letters/" + letter.id + "/invalidations";
        vetter.post(page, Map.of("emailDomain", "@" + domain.toUpperCase(), "reason", "one domain", "action", "preview"))
                .then().statusCode(200).body(containsString("2 live entries match"));
        vetter.post(page, Map.of("emailDomain", domain, "reason", "one domain", "action", "invalidate"))
                .then().statusCode(303);
        vetter.browser().get(page + "?done=invalidated&n=2").then().statusCode(200)
                .body(containsString("2 entries invalidated")).body(containsString("email @" + domain));
        assertEquals(SignatureState.UNCONFIRMED, data.only(other).state());

        // A time window that covers only the last entry's moment.
        Instant at = data.only(other).createdAt();
        admins.api(Role.VETTER).body(Map.of("from", at.minusMillis(1).toString(), "to", at.plusMillis(1).toString(),
                        "reason", "window", "dryRun", true))
                .post("/api/admin/letters/" + letter.id + "/invalidations").then().statusCode(200).body("matching", equalTo(1));
    }

    @Test
    void unclearCriteriaAreRefusedWithAMessageAndChangeNothing() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String base = "/api/admin/letters/" + letter.id + "/invalidations";
        long before = data.countRows("signature_invalidation", "letter_id = ?1", letter.id);
        Map<String, Object> nothing = new HashMap<>(Map.of("reason", "no criteria"));
        admins.api(Role.VETTER).body(nothing).post(base).then().statusCode(400)
                .body("errors.field", hasItem("clientRange"));
        admins.api(Role.VETTER).body(Map.of("clientRange", "not-an-ip", "emailDomain", "no spaces.org", "reason", "x"))
                .post(base).then().statusCode(400).body("errors.field", hasItem("clientRange")).body("errors.field", hasItem("emailDomain"));
        admins.api(Role.VETTER).body(Map.of("clientRange", "198.18.0.0/15")).post(base).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        admins.api(Role.VETTER).body(Map.of("clientRange", "198.18.0.0/15", "reason", "nothing matches")).post(base)
                .then().statusCode(400).body(containsString("nothing to invalidate"));
        admins.api(Role.EDITOR).body(Map.of("clientRange", "198.18.0.0/15", "reason", "x")).post(base).then().statusCode(403);
        assertEquals(before, data.countRows("signature_invalidation", "letter_id = ?1", letter.id));
    }

    private static String sign(Letter letter, String ip, String name, String email) {
        Map<String, String> form = SignOnForms.organization(name, email);
        form.put("formStamp", SignOnForms.stamp(letter.slug));
        given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        return email;
    }
}
