package org.undersigned.account;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterState;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every state-changing admin form needs the CSRF token of the session it came from. */
@QuarkusTest
class CsrfTest {

    @Inject
    Admins admins;

    @Inject
    TestData data;

    /** Login CSRF: another site cannot post (its own) credentials to the sign-in form. */
    @Test
    void signInRefusesCrossSitePostsAndAcceptsOurOwn() {
        String email = admins.create(Role.VETTER);
        signInWith(email, "Sec-Fetch-Site", "cross-site").then().statusCode(403)
                .body(containsString("sent from another site"));
        signInWith(email, "Origin", "https://evil.example").then().statusCode(403);
        signInWith(email, "Sec-Fetch-Site", "same-site").then().statusCode(403);
        signInWith(email, "Sec-Fetch-Site", "same-origin").then().statusCode(303);
        // What Chromium sends for this site's own form under Referrer-Policy: no-referrer.
        io.restassured.RestAssured.given().config(org.undersigned.support.SignOnForms.LIKE_A_BROWSER)
                .redirects().follow(false).header("Origin", "null").header("Sec-Fetch-Site", "same-origin")
                .contentType("application/x-www-form-urlencoded").formParam("email", email)
                .formParam("password", Admins.PASSWORD).post("/admin/sign-in").then().statusCode(303);
        signInWith(email, "Origin", "http://localhost:" + io.restassured.RestAssured.port).then().statusCode(303);
    }

    /** The second layer: every state-changing request, even with a valid CSRF token. */
    @Test
    void crossSiteStateChangesAreRefusedEvenWithAValidToken() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Admins.Session editor = admins.session(Role.EDITOR);
        editor.browser().header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .formParam("csrf", editor.csrf()).post("/admin/letters/" + letter.id + "/close").then().statusCode(403);
        editor.browser().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("csrf", editor.csrf()).post("/admin/letters/" + letter.id + "/close").then().statusCode(403);
        assertEquals(LetterState.OPEN, data.letter(letter.id).state());
        io.restassured.RestAssured.given().header("Sec-Fetch-Site", "cross-site").accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParam("email", "x@example.org")
                .post("/letters/" + letter.slug + "/link").then().statusCode(403);
    }

    private static io.restassured.response.Response signInWith(String email, String header, String value) {
        return io.restassured.RestAssured.given().config(org.undersigned.support.SignOnForms.LIKE_A_BROWSER)
                .redirects().follow(false).header(header, value).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("password", Admins.PASSWORD).post("/admin/sign-in");
    }

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndChangesNothing() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Admins.Session editor = admins.session(Role.EDITOR);
        editor.browser().contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/admin/letters/" + letter.id + "/close").then().statusCode(403)
                .body(containsString("This form is out of date"));
        editor.browser().contentType("application/x-www-form-urlencoded").formParam("csrf", "0".repeat(64))
                .post("/admin/letters/" + letter.id + "/close").then().statusCode(403);
        Admins.Session someoneElse = Admins.signIn(admins.create(Role.EDITOR));
        editor.browser().contentType("application/x-www-form-urlencoded").formParam("csrf", someoneElse.csrf())
                .post("/admin/letters/" + letter.id + "/close").then().statusCode(403);
        assertEquals(LetterState.OPEN, data.letter(letter.id).state());

        editor.post("/admin/letters/" + letter.id + "/close", java.util.Map.of()).then().statusCode(303);
        assertEquals(LetterState.CLOSED, data.letter(letter.id).state());
    }

    @Test
    void cookieAuthenticatedJsonCallsNeedTheHeaderButBearerCallsDoNot() {
        Letter a = data.open(LetterOptions.organizationsOnly());
        Admins.Session editor = admins.session(Role.EDITOR);
        io.restassured.RestAssured.given().cookie("undersigned_admin", editor.cookie()).contentType("application/json")
                .post("/api/admin/letters/" + a.id + "/close").then().statusCode(403);
        io.restassured.RestAssured.given().cookie("undersigned_admin", editor.cookie()).header(Csrf.HEADER, editor.csrf())
                .contentType("application/json").post("/api/admin/letters/" + a.id + "/close").then().statusCode(200);
        Letter b = data.open(LetterOptions.organizationsOnly());
        admins.api(Role.EDITOR).post("/api/admin/letters/" + b.id + "/close").then().statusCode(200);
    }

    @Test
    void pagesCarryTheTokenInEveryForm() {
        Admins.Session admin = admins.session(Role.ADMIN);
        String page = admin.browser().get("/admin/accounts").then().statusCode(200).extract().asString();
        int forms = page.split("<form method=\"post\"", -1).length - 1;
        int tokens = page.split("name=\"csrf\" value=\"" + admin.csrf() + "\"", -1).length - 1;
        assertEquals(forms, tokens, "every POST form carries the token");
    }
}
