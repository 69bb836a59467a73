package org.undersigned.abuse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits, lowered at runtime by an admin as during a flood. The test profile trusts the
 * local proxy, so each test poses as its own client address with X-Forwarded-For.
 */
@QuarkusTest
class RateLimitTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @AfterEach
    void backToDefaults() {
        for (String key : new String[]{"sign-on", "link-request", "admin-sign-in", "search"}) {
            admins.api(Role.ADMIN).delete("/api/admin/rate-limits/" + key).then().statusCode(200);
        }
    }

    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    @Test
    void signOnsBeyondTheLimitGet429WithRetryAfterAndNothingIsStored() {
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 2)).put("/api/admin/rate-limits/sign-on")
                .then().statusCode(200).body("perMinute", equalTo(1)).body("burst", equalTo(2)).body("changed", equalTo(true));
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Letter other = data.open(LetterOptions.organizationsOnly());
        String ip = newAddress();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                    .accept("text/html").contentType("application/x-www-form-urlencoded")
                    .formParams(withStamp(letter, SignOnForms.organization("Limited " + i, TestData.uniqueEmail("rl"))))
                    .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        }
        String blockedEmail = TestData.uniqueEmail("rl-blocked");
        // A browser gets a friendly page...
        given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter, SignOnForms.organization("Limited 3", blockedEmail)))
                .post("/letters/" + letter.slug + "/sign")
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType(containsString("text/html"))
                .body(containsString("Please slow down"))
                .body(containsString("Nothing is wrong with yours"));
        // ...a program gets problem+json, on the API too (the same bucket: same address, same letter).
        given().header("X-Forwarded-For", ip).contentType("application/json").accept("application/json")
                .body(Map.of("kind", "INDIVIDUAL", "name", "Api Person", "city", "Oakland", "email", blockedEmail,
                        "consentPublic", true))
                .post("/api/letters/" + letter.slug + "/signatures")
                .then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(429)).body("type", containsString("rate-limited"))
                .header("Retry-After", notNullValue());
        assertEquals(0, data.signaturesByEmail(blockedEmail).size(), "a limited request writes nothing");

        // Another letter from the same address, and the same letter from another address, are unaffected.
        signFrom(ip, other).then().statusCode(303);
        given().header("X-Forwarded-For", newAddress()).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter, SignOnForms.organization("Elsewhere", TestData.uniqueEmail("rl-other"))))
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
    }

    @Test
    void raisingTheLimitAtRuntimeLetsTheNextRequestThrough() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String ip = newAddress();
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 1)).put("/api/admin/rate-limits/sign-on").then().statusCode(200);
        signFrom(ip, letter).then().statusCode(303);
        signFrom(ip, letter).then().statusCode(429);
        admins.api(Role.ADMIN).body(Map.of("perMinute", 600, "burst", 100)).put("/api/admin/rate-limits/sign-on").then().statusCode(200);
        signFrom(ip, letter).then().statusCode(303);
    }

    @Test
    void magicLinkRequestsAndAdminSignInAreLimitedPerAddress() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 1)).put("/api/admin/rate-limits/link-request").then().statusCode(200);
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 1)).put("/api/admin/rate-limits/admin-sign-in").then().statusCode(200);
        String ip = newAddress();
        for (int expected : new int[]{200, 429}) {
            given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).accept("text/html")
                    .contentType("application/x-www-form-urlencoded").formParam("email", "nobody@example.org")
                    .post("/letters/" + letter.slug + "/link").then().statusCode(expected);
        }
        for (int expected : new int[]{401, 429}) {
            given().header("X-Forwarded-For", ip).contentType("application/json")
                    .body(Map.of("email", "nobody@example.org", "password", "wrong password here"))
                    .post("/api/auth/token").then().statusCode(expected);
        }
        given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("email", "nobody@example.org").formParam("password", "wrong password here")
                .post("/admin/sign-in").then().statusCode(429).body(containsString("Too many sign-in attempts"));
    }

    @Test
    void onlyAdminsChangeLimitsAndChangesAreValidatedAndAudited() {
        admins.api(Role.VETTER).body(Map.of("perMinute", 1, "burst", 1)).put("/api/admin/rate-limits/sign-on").then().statusCode(403);
        admins.api(Role.ADMIN).body(Map.of("perMinute", 0, "burst", -5)).put("/api/admin/rate-limits/sign-on")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("perMinute", "burst"));
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 1)).put("/api/admin/rate-limits/no-such-limit").then().statusCode(404);

        // The browser page: change through the form (with CSRF), see it, reset it.
        Admins.Session admin = admins.session(Role.ADMIN);
        admin.post("/admin/abuse/limits/link-request", Map.of("perMinute", "7", "burst", "3", "action", "save"))
                .then().statusCode(303);
        admin.browser().get("/admin/abuse/limits").then().statusCode(200)
                .body(containsString("value=\"7\"")).body(containsString("changed at runtime"));
        admin.post("/admin/abuse/limits/link-request", Map.of("perMinute", "lots", "burst", "3", "action", "save"))
                .then().statusCode(400).body(containsString("Enter a whole number"));
        assertTrue(data.countRows("audit_event", "action = ?1 and after ->> 'link-request.perMinute' = ?2", "rate-limit.changed", "7") >= 1);
        admin.post("/admin/abuse/limits/link-request", Map.of("action", "reset")).then().statusCode(303);
        admin.browser().get("/admin/abuse/limits").then().statusCode(200).body(not(containsString("value=\"7\"")));
    }

    private static io.restassured.response.Response signFrom(String ip, Letter letter) {
        return given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter, SignOnForms.organization("Runtime " + TestData.uniqueSlug("x"),
                        TestData.uniqueEmail("rt"))))
                .post("/letters/" + letter.slug + "/sign");
    }

    private static Map<String, String> withStamp(Letter letter, Map<String, String> form) {
        form.put("formStamp", SignOnForms.stamp(letter.slug));
        return form;
    }


    /** One /64 is one client: hopping between its 2^64 addresses does not buy fresh buckets. */
    @Test
    void ipv6ClientsShareABucketPerSlash64() {
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 2)).put("/api/admin/rate-limits/sign-on")
                .then().statusCode(200);
        Letter letter = data.open(LetterOptions.organizationsOnly());
        int n = NEXT_ADDRESS.getAndIncrement();
        String net = "2001:db8:" + Integer.toHexString(n) + ":42:";
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", net + ":" + Integer.toHexString(i + 1)).config(SignOnForms.LIKE_A_BROWSER)
                    .redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                    .formParams(withStamp(letter, SignOnForms.organization("V6 " + i, TestData.uniqueEmail("v6"))))
                    .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        }
        given().header("X-Forwarded-For", net + "dead:beef:1:2").config(SignOnForms.LIKE_A_BROWSER)
                .redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter, SignOnForms.organization("V6 other address", TestData.uniqueEmail("v6"))))
                .post("/letters/" + letter.slug + "/sign").then().statusCode(429);
        // Another /64 is another client.
        given().header("X-Forwarded-For", "2001:db8:" + Integer.toHexString(n) + ":43::1").config(SignOnForms.LIKE_A_BROWSER)
                .redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter, SignOnForms.organization("V6 next net", TestData.uniqueEmail("v6"))))
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
    }

    @Test
    void bucketKeysUseTheIpv6PrefixAndTheWholeIpv4Address() {
        assertEquals("2001:db8:1:2::/64", IpRange.bucketKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64));
        assertEquals("2001:db8:1::/48", IpRange.bucketKey("2001:db8:1:2::7", 48));
        assertEquals("203.0.113.7", IpRange.bucketKey("203.0.113.7", 64));
        assertEquals("203.0.113.7", IpRange.bucketKey("::ffff:203.0.113.7", 64));
    }

    /** Searches of the signatory list are limited per client; the plain list is not. */
    @Test
    void searchesAreRateLimitedPerClient() {
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 2)).put("/api/admin/rate-limits/search")
                .then().statusCode(200);
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String ip = newAddress();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", ip).accept("text/html")
                    .get("/letters/" + letter.slug + "/signatories?q=search" + i).then().statusCode(200);
        }
        given().header("X-Forwarded-For", ip).accept("text/html")
                .get("/letters/" + letter.slug + "/signatories?q=one+more").then().statusCode(429)
                .header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", ip).accept("text/html")
                .get("/letters/" + letter.slug + "/signatories").then().statusCode(200);
        given().header("X-Forwarded-For", newAddress()).accept("text/html")
                .get("/letters/" + letter.slug + "/signatories?q=elsewhere").then().statusCode(200);
    }
}
