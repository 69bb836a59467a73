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
        String unknownEmail = given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("email", "nobody@admins.example").formParam("password", "nope nope nope")
                .post("/admin/sign-in").then().statusCode(401).extract().asString();
        assertTrue(wrongPassword.contains("The email address or password is not right."));
        assertTrue(unknownEmail.contains("The email address or password is not right."));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "wrong"))
                .post("/api/auth/token").then().statusCode(429); // the previous failure asks for a pause first
    }

    @Test
    void repeatedFailuresSlowDownAndThenLockTheAccount() {
        String email = admins.create(Role.EDITOR);
        for (int failure = 1; failure <= 4; failure++) {
            tokenAttempt(email, "wrong password " + failure).then().statusCode(401);
            // Asking again at once is refused without even checking the password.
            tokenAttempt(email, Admins.PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
            skipWait(email);
        }
        tokenAttempt(email, "wrong password 5").then().statusCode(429).body("title", equalTo("Too many attempts"));
        skipWait(email);
        tokenAttempt(email, Admins.PASSWORD).then().statusCode(429)
                .body("detail", containsString("locked"));
        Account locked = admins.find(email);
        assertNotNull(locked.lockedUntil);
        assertTrue(locked.lockedUntil.isAfter(java.time.Instant.now().plusSeconds(14 * 60)));

        unlock(email);
        tokenAttempt(email, Admins.PASSWORD).then().statusCode(200);
        assertEquals(0, admins.find(email).failedSignIns);
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

    private static io.restassured.response.Response tokenAttempt(String email, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/token");
    }

    /** Time passing, without waiting for it. */
    private void skipWait(String email) {
        data.execute("update account set next_sign_in_at = null where email = ?1", email);
    }

    private void unlock(String email) {
        data.execute("update account set locked_until = now() - interval '1 second' where email = ?1", email);
    }
}
