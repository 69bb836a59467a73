package org.undersigned.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions end when their admin says so, everywhere at once; passwords can be changed and reset. */
@QuarkusTest
class SessionsTest {

    @Inject
    Admins admins;

    @Inject
    TestData data;

    @Test
    void signingOutEndsTheSessionSoACopiedTokenStopsWorking() {
        String email = admins.create(Role.EDITOR);
        Admins.Session session = Admins.signIn(email);
        String copied = session.cookie();
        given().cookie("undersigned_admin", copied).get("/api/admin/me").then().statusCode(200);
        session.post("/admin/sign-out", Map.of()).then().statusCode(303);
        given().cookie("undersigned_admin", copied).get("/api/admin/me").then().statusCode(401);
        given().redirects().follow(false).accept("text/html").cookie("undersigned_admin", copied).get("/admin")
                .then().statusCode(303).header("Location", containsString("/admin/sign-in"));

        String token = Admins.tokenFor(email);
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(200);
        given().auth().oauth2(token).delete("/api/auth/token").then().statusCode(204);
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(401);
    }

    @Test
    void anAdminSeesTheirSessionsAndEndsAnother() {
        String email = admins.create(Role.VETTER);
        Admins.Session laptop = Admins.signIn(email);
        String phone = Admins.tokenFor(email);
        String page = laptop.browser().get("/admin/sessions").then().statusCode(200)
                .body(containsString("(this session)")).extract().asString();
        Matcher ends = Pattern.compile("/admin/sessions/([0-9a-f-]+)/end").matcher(page);
        int count = 0;
        String other = null;
        String mine = null;
        while (ends.find()) {
            count++;
            int at = page.lastIndexOf("<tr>", ends.start());
            if (page.substring(at, ends.start()).contains("(this session)")) {
                mine = ends.group(1);
            } else {
                other = ends.group(1);
            }
        }
        assertEquals(2, count, page);
        laptop.post("/admin/sessions/" + other + "/end", Map.of()).then().statusCode(303);
        given().auth().oauth2(phone).get("/api/admin/me").then().statusCode(401);
        laptop.browser().get("/admin/sessions").then().statusCode(200);
        // Someone else's session cannot be ended from here.
        Admins.Session stranger = Admins.signIn(admins.create(Role.VETTER));
        stranger.post("/admin/sessions/" + mine + "/end", Map.of()).then().statusCode(404);
        laptop.browser().get("/admin/sessions").then().statusCode(200);
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        String email = admins.create(Role.EDITOR);
        Admins.Session here = Admins.signIn(email);
        String elsewhere = Admins.tokenFor(email);
        here.post("/admin/sessions/password", Map.of("current", "not my password", "password", "a brand new passphrase",
                "repeat", "a brand new passphrase")).then().statusCode(400).body(containsString("not your current password"));
        here.post("/admin/sessions/password", Map.of("current", Admins.PASSWORD, "password", "a brand new passphrase",
                "repeat", "a brand new passphrase")).then().statusCode(303);
        given().auth().oauth2(elsewhere).get("/api/admin/me").then().statusCode(401);
        here.browser().get("/admin/sessions?changed=1").then().statusCode(200).body(containsString("password is changed"));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "a brand new passphrase"))
                .post("/api/auth/token").then().statusCode(200);
    }

    @Test
    void aPasswordResetLinkWorksOnceAndEndsEverySession() {
        String email = admins.create(Role.EDITOR);
        String before = Admins.tokenFor(email);
        String unknown = TestData.uniqueEmail("no-account");
        String knownPage = given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).post("/admin/password-reset").then().statusCode(200).extract().asString();
        String unknownPage = given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("email", unknown).post("/admin/password-reset").then().statusCode(200).extract().asString();
        assertEquals(knownPage, unknownPage, "the page says nothing about which addresses have accounts");
        assertTrue(data.emailsTo(unknown).isEmpty());
        String link = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/admin/password-reset/");
        given().accept("text/html").get(link).then().statusCode(200).body(containsString(email));
        given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("password", "reset passphrase here").formParam("repeat", "reset passphrase here")
                .post(link).then().statusCode(303).header("Location", containsString("/admin/sign-in?reset=1"));
        given().auth().oauth2(before).get("/api/admin/me").then().statusCode(401);
        given().accept("text/html").get(link).then().statusCode(404);
        given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("password", "another passphrase!").formParam("repeat", "another passphrase!")
                .post(link).then().statusCode(404);
        assertNull(admins.find(email).resetTokenHash);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "reset passphrase here"))
                .post("/api/auth/token").then().statusCode(200);
    }

    @Test
    void anExpiredResetLinkDoesNotWork() {
        String email = admins.create(Role.VETTER);
        given().config(SignOnForms.LIKE_A_BROWSER).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).post("/admin/password-reset").then().statusCode(200);
        String link = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/admin/password-reset/");
        data.execute("update account set reset_expires_at = now() - interval '1 second' where email = ?1", email);
        given().accept("text/html").get(link).then().statusCode(404);
    }
}
