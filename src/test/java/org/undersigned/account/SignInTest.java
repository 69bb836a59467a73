package org.undersigned.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignInTest {

    @Inject
    Admins admins;

    @Inject
    TestData data;

    @Test
    void signInSetsAStrictHttpOnlySecureCookieAndSignOutClearsIt() {
        String email = admins.create(Role.EDITOR);
        String setCookie = given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("email", email.toUpperCase()).formParam("password", Admins.PASSWORD)
                .formParam("next", "/admin/letters/new")
                .post("/admin/sign-in").then().statusCode(303)
                .header("Location", containsString("/admin/letters/new"))
                .extract().header("Set-Cookie");
        assertTrue(setCookie.startsWith("undersigned_admin="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);

        Admins.Session session = Admins.signIn(email);
        session.browser().get("/admin").then().statusCode(200).body(containsString(email));
        String cleared = session.post("/admin/sign-out", Map.of()).then().statusCode(303)
                .header("Location", containsString("/admin/sign-in")).extract().header("Set-Cookie");
        assertTrue(cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void anonymousBrowsersAreSentToSignInAndBackAgain() {
        given().redirects().follow(false).accept("text/html").get("/admin/letters/new").then()
                .statusCode(303).header("Location", containsString("/admin/sign-in?next=%2Fadmin%2Fletters%2Fnew"));
        given().accept("text/html").get("/admin/sign-in?next=https://evil.example/").then()
                .body(containsString("name=\"next\" value=\"/admin\""));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String email = admins.create(Role.VETTER);
        String wrongPassword = given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", "nope nope nope")
                .post("/admin/sign-in").then().statusCode(401).extract().asString();
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "wrong"))
                .post("/api/auth/token").then().statusCode(429); // the previous failure asks for a pause first
        String unknownEmail = given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("email", "nobody@admins.example").formParam("password", "nope nope nope")
                .post("/admin/sign-in").then().statusCode(401).extract().asString();
        assertTrue(wrongPassword.contains("The email address or password is not right."));
        assertTrue(unknownEmail.contains("The email address or password is not right."));
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_CLIENT = new java.util.concurrent.atomic.AtomicInteger(1);

    /** A client address of its own for each use (the test profile trusts the local proxy). */
    private static String client() {
        int n = NEXT_CLIENT.getAndIncrement();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    @Inject
    SignInThrottle throttle;

    /**
     * Guessing an admin's password from anywhere never locks the admin out: their own browser
     * signs in with the right password, and they are emailed about the failures.
     */
    @Test
    void guessesFromElsewhereNeverLockTheAdminOutAndTheAdminIsEmailed() {
        String email = admins.create(Role.EDITOR);
        for (int i = 0; i < 8; i++) {
            String attacker = client();
            tokenAttempt(email, "wrong password " + i, attacker).then().statusCode(401);
            tokenAttempt(email, "another guess", attacker).then().statusCode(429).header("Retry-After", notNullValue());
        }
        tokenAttempt(email, Admins.PASSWORD, client()).then().statusCode(200);
        given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).header("X-Forwarded-For", client())
                .contentType("application/x-www-form-urlencoded").formParam("email", email)
                .formParam("password", Admins.PASSWORD).post("/admin/sign-in").then().statusCode(303);
        var notices = data.emailsTo(email).stream().filter(m -> "account.sign-in-failures".equals(m.kind)).toList();
        assertEquals(1, notices.size(), "one email about the failures per window, not one per failure");
        assertTrue(notices.get(0).bodyText.contains("not locked"));
    }

    /** One client's delays on one address double after each failure, up to the maximum. */
    @Test
    void oneClientsGuessesSlowDownProgressively() {
        java.time.Instant t = java.time.Instant.parse("2026-12-01T00:00:00Z");
        String email = TestData.uniqueEmail("throttled");
        long previous = 0;
        for (int i = 1; i <= 14; i++) {
            long wait = throttle.failed(email, "198.51.100.1", t).toSeconds();
            assertTrue(wait >= previous, "never shorter than before");
            assertTrue(wait <= 15 * 60, "capped at the maximum delay");
            previous = wait;
        }
        assertEquals(15 * 60, previous, "fourteen failures in a row: one guess per quarter hour");
        assertTrue(throttle.waitBefore(email, "198.51.100.1", t.plusSeconds(60)).isPresent());
        assertTrue(throttle.waitBefore(email, "198.51.100.2", t.plusSeconds(60)).isEmpty(), "another client is not slowed");
    }

    /** A known address and an unknown one answer alike, before and after a failure. */
    @Test
    void knownAndUnknownAddressesAnswerTheSame() {
        String known = admins.create(Role.VETTER);
        String unknown = TestData.uniqueEmail("nobody");
        String c1 = client();
        String c2 = client();
        var k1 = tokenAttempt(known, "wrong guess", c1);
        var k2 = tokenAttempt(known, "wrong again", c1);
        var u1 = tokenAttempt(unknown, "wrong guess", c2);
        var u2 = tokenAttempt(unknown, "wrong again", c2);
        assertEquals(k1.statusCode(), u1.statusCode());
        assertEquals(k1.asString(), u1.asString());
        assertEquals(429, k2.statusCode());
        assertEquals(k2.statusCode(), u2.statusCode(), "after a failure, an unknown address is slowed down too");
        // The wait counts down from each failure, so a slow machine can show one second less for the
        // pair that took longer between its two attempts; anything more would tell them apart.
        assertTrue(Math.abs(Integer.parseInt(k2.header("Retry-After")) - Integer.parseInt(u2.header("Retry-After"))) <= 1,
                k2.header("Retry-After") + " vs " + u2.header("Retry-After"));
        assertEquals(k2.jsonPath().getString("detail").replaceAll("\\d+", "N"),
                u2.jsonPath().getString("detail").replaceAll("\\d+", "N"));
        // Same cost: both check a bcrypt hash of the same cost (a decoy for the unknown address).
        long knownTime = 0;
        long unknownTime = 0;
        for (int i = 0; i < 3; i++) {
            knownTime += tokenAttempt(known, "timed guess", client()).timeIn(java.util.concurrent.TimeUnit.MILLISECONDS);
            unknownTime += tokenAttempt(unknown, "timed guess", client()).timeIn(java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertTrue(unknownTime > knownTime / 3 && unknownTime < knownTime * 3,
                "comparable timing: known " + knownTime + " ms, unknown " + unknownTime + " ms");
    }

    @Test
    void anInvitedPersonChoosesAPasswordOnceAndIsSignedIn() {
        Admins.Session admin = admins.session(Role.ADMIN);
        String invitee = TestData.uniqueEmail("invitee");
        admin.post("/admin/accounts", Map.of("email", invitee, "name", "New Vetter", "role", "VETTER"))
                .then().statusCode(303);
        String link = Mails.linkPath(Mails.last(data.emailsTo(invitee)).bodyText, "/admin/invite/");
        given().accept("text/html").get(link).then().statusCode(200).body(containsString("Welcome, New Vetter"));

        given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("password", "short").formParam("repeat", "short")
                .post(link).then().statusCode(400).body(containsString("at least 12 characters"));
        String cookie = given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("password", "a long enough passphrase").formParam("repeat", "a long enough passphrase")
                .post(link).then().statusCode(303).extract().cookie("undersigned_admin");
        assertNotNull(cookie);
        given().cookie("undersigned_admin", cookie).get("/api/admin/me").then().statusCode(200)
                .body("role", equalTo("VETTER"));
        given().accept("text/html").get(link).then().statusCode(404);
        assertNull(admins.find(invitee).inviteTokenHash);
    }

    @Test
    void aDeactivatedAccountLosesAccessAtOnceEvenWithAValidToken() {
        String email = admins.create(Role.EDITOR);
        String token = Admins.tokenFor(email);
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(200);
        Account a = admins.find(email);
        admins.api(Role.ADMIN).body(Map.of("role", "EDITOR", "active", false, "version", a.version))
                .put("/api/admin/accounts/" + a.id).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(401);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequest() {
        String email = admins.create(Role.VETTER);
        String token = Admins.tokenFor(email);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/admin/letters")
                .then().statusCode(403);
        Account a = admins.find(email);
        admins.api(Role.ADMIN).body(Map.of("role", "EDITOR", "active", true, "version", a.version))
                .put("/api/admin/accounts/" + a.id).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/admin/letters")
                .then().statusCode(400).body(not(containsString("forbidden")));
    }

    private static io.restassured.response.Response tokenAttempt(String email, String password, String client) {
        return RestAssured.given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/auth/token");
    }
}
