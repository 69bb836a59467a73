package org.undersigned.embed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embeddable pages: only the sites listed for a letter may frame its form, every other page
 * keeps frame-ancestors 'none'; the count answers any origin; nothing embeddable sets a cookie;
 * the form stamp works in the frame without cookies; oEmbed describes the letter.
 */
@QuarkusTest
class EmbedTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void onlyTheListedSitesMayFrameTheLettersForm() {
        Letter letter = data.open(LetterOptions.everyone());
        Letter other = data.open(LetterOptions.everyone());
        String embed = "/embed/letters/" + letter.slug;

        Response before = given().accept("text/html").get(embed).then().statusCode(200).extract().response();
        assertTrue(before.header("Content-Security-Policy").contains("frame-ancestors 'none'"), "nobody listed: nobody frames");
        assertEquals("DENY", before.header("X-Frame-Options"));

        addSite(letter.id, "https://Partner.example/").then().statusCode(200);
        addSite(letter.id, "http://localhost:9321").then().statusCode(200);

        Response after = given().accept("text/html").get(embed).then().statusCode(200).extract().response();
        String csp = after.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors http://localhost:9321 https://partner.example"), csp);
        assertFalse(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), "the rest of the policy stays: " + csp);
        assertNull(after.header("X-Frame-Options"), "X-Frame-Options cannot name sites, so it goes");

        // Every other page keeps refusing frames: the letter's own page, the other letter's embed.
        for (String path : List.of("/letters/" + letter.slug, "/letters/" + letter.slug + "/sign", "/embed/letters/" + other.slug)) {
            Response r = given().accept("text/html").get(path).then().statusCode(200).extract().response();
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
            assertEquals("DENY", r.header("X-Frame-Options"), path);
        }

        // Removing a site applies at once on this instance.
        admins.api(Role.EDITOR).queryParam("origin", "http://localhost:9321").delete("/api/admin/letters/" + letter.id + "/embed/sites")
                .then().statusCode(200);
        String fewer = given().accept("text/html").get(embed).then().extract().header("Content-Security-Policy");
        assertTrue(fewer.contains("frame-ancestors https://partner.example;") || fewer.endsWith("frame-ancestors https://partner.example"), fewer);
        assertEquals(3, data.countRows("audit_event", "letter_id = ?1 and action like 'embed.site-%'", letter.id), "two added, one removed");
    }

    @Test
    void aSiteThatCouldWidenThePolicyIsRefusedAndNothingIsWritten() {
        Letter letter = data.open(LetterOptions.everyone());
        for (String bad : List.of("partner.example", "https://partner.example/page", "http://partner.example",
                "https://partner.example; script-src *", "https://*.example", "javascript:alert(1)", "", "https://u:p@partner.example")) {
            addSite(letter.id, bad).then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, data.countRows("embed_site", "letter_id = ?1", letter.id));
        admins.api(Role.VETTER).contentType("application/json").body(Map.of("origin", "https://partner.example"))
                .post("/api/admin/letters/" + letter.id + "/embed/sites").then().statusCode(403);
        assertEquals(0, data.countRows("embed_site", "letter_id = ?1", letter.id));
    }

    @Test
    void signingInsideTheFrameWorksWithoutCookiesAndStaysInTheFrame() {
        Letter letter = data.open(LetterOptions.everyone());
        addSite(letter.id, "https://partner.example").then().statusCode(200);
        Response form = given().accept("text/html").get("/embed/letters/" + letter.slug).then().statusCode(200).extract().response();
        assertNull(form.header("Set-Cookie"));
        String html = form.asString();
        assertTrue(html.contains("action=\"/embed/letters/" + letter.slug + "/sign\""), "the form posts to the embed page");
        assertTrue(html.contains("name=\"formStamp\" value=\"") && !html.contains("site-header"), "stamp in the form, bare layout");
        assertFalse(html.contains("<script"), "no script");

        String email = TestData.uniqueEmail("embed");
        Map<String, String> fields = SignOnForms.organization("Framed Alliance", email);
        fields.put("formStamp", SignOnForms.stamp(letter.slug));
        // From a third-party frame: a browser sends no cookie, and the page is the embed's own origin.
        Response posted = given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).accept("text/html")
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Dest", "iframe")
                .contentType("application/x-www-form-urlencoded").formParams(fields)
                .post("/embed/letters/" + letter.slug + "/sign").then().statusCode(303).extract().response();
        assertEquals("/embed/letters/" + letter.slug + "/signed", posted.header("Location"));
        assertNull(posted.header("Set-Cookie"));
        assertNull(data.single("select bot_signal from signature where email = ?1", email), "a stamp carried in the form is enough: not flagged");

        Response signed = given().accept("text/html").get("/embed/letters/" + letter.slug + "/signed").then().statusCode(200).extract().response();
        assertTrue(signed.header("Content-Security-Policy").contains("frame-ancestors https://partner.example"));
        assertNull(signed.header("Set-Cookie"));
        assertTrue(signed.asString().contains("Check your email"));

        // A mistake comes back inside the frame, framable, with the input kept.
        Map<String, String> broken = SignOnForms.organization("Framed Two", TestData.uniqueEmail("embed2"));
        broken.remove("consentPublic");
        broken.put("formStamp", SignOnForms.stamp(letter.slug));
        Response again = given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded").formParams(broken)
                .post("/embed/letters/" + letter.slug + "/sign").then().statusCode(400).extract().response();
        assertTrue(again.header("Content-Security-Policy").contains("frame-ancestors https://partner.example"));
        assertTrue(again.asString().contains("Framed Two"));
    }

    @Test
    void theCountAnswersAnyOriginAndSetsNoCookie() {
        Letter letter = data.open(LetterOptions.everyone());
        String email = TestData.uniqueEmail("badge");
        SignOnForms.post(letter.slug, SignOnForms.organization("Badge Org", email)).then().statusCode(303);
        data.confirm(email);
        data.approve(email);
        String base = "/embed/letters/" + letter.slug;
        Response json = waitForCount(base + "/count.json", 1);
        assertEquals("*", json.header("Access-Control-Allow-Origin"));
        assertNull(json.header("Set-Cookie"));
        assertEquals(1, json.jsonPath().getInt("organizations"));
        assertTrue(json.jsonPath().getString("url").endsWith("/letters/" + letter.slug));

        Response svg = given().header("Origin", "https://elsewhere.example").get(base + "/count.svg").then().statusCode(200).extract().response();
        assertTrue(svg.contentType().startsWith("image/svg+xml"));
        assertTrue(svg.asString().contains(">1 signatories<"), svg.asString());
        assertFalse(svg.asString().contains("<script") || svg.asString().contains("href"), "self-contained");
        assertEquals("*", svg.header("Access-Control-Allow-Origin"));
        assertNull(svg.header("Set-Cookie"));
        given().get("/embed/letters/no-such-letter/count.json").then().statusCode(404);
    }

    @Test
    void oEmbedDescribesTheLetterAsItsFramedForm() {
        Letter letter = data.open(LetterOptions.everyone());
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<link rel=\"alternate\" type=\"application/json+oembed\""), "discovery link");

        String letterUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("undersigned.site.public-url", String.class).replaceAll("/+$", "") + "/letters/" + letter.slug;
        Response r = given().queryParam("url", letterUrl).queryParam("format", "json").get("/oembed").then().statusCode(200).extract().response();
        assertEquals("rich", r.jsonPath().getString("type"));
        assertEquals("1.0", r.jsonPath().getString("version"));
        assertEquals(letter.title, r.jsonPath().getString("title"));
        assertTrue(r.jsonPath().getString("html").contains("src=\"" + letterUrl.replace("/letters/", "/embed/letters/") + "\""));
        assertNull(r.header("Set-Cookie"));
        given().queryParam("url", "https://evil.example/letters/" + letter.slug).get("/oembed").then().statusCode(404);
        given().queryParam("url", letterUrl).queryParam("format", "xml").get("/oembed").then().statusCode(501);
    }

    @Test
    void editorsManageTheSitesOnTheirAdminPage() {
        Letter letter = data.open(LetterOptions.everyone());
        Admins.Session editor = admins.session(Role.EDITOR);
        String page = "/admin/letters/" + letter.id + "/embed";
        String html = editor.browser().get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("&lt;iframe src=&quot;") && html.contains("/embed/letters/" + letter.slug + "&quot;"),
                "the iframe snippet, shown as text");
        assertTrue(html.contains("None yet"));

        editor.post(page + "/sites", Map.of("origin", "https://partner.example")).then().statusCode(303);
        editor.post(page + "/sites", Map.of("origin", "https://partner.example/a/page")).then().statusCode(400);
        assertEquals(List.of("https://partner.example"), admins.api(Role.EDITOR).get("/api/admin/letters/" + letter.id + "/embed")
                .then().statusCode(200).extract().jsonPath().getList("allowedSites"));
        assertTrue(editor.browser().get(page).then().statusCode(200).extract().asString().contains("<code>https://partner.example</code>"));
        editor.post(page + "/sites/remove", Map.of("origin", "https://partner.example")).then().statusCode(303);
        assertEquals(0, data.countRows("embed_site", "letter_id = ?1", letter.id));
        admins.session(Role.VETTER).browser().get(page).then().statusCode(403);
        assertTrue(admins.session(Role.EDITOR).browser().get("/admin/letters/" + letter.id).then().statusCode(200)
                .extract().asString().contains("href=\"/admin/letters/" + letter.id + "/embed\""), "linked from the letter's page");
    }

    private Response addSite(long letterId, String origin) {
        return admins.api(Role.EDITOR).contentType("application/json").body(Map.of("origin", origin))
                .post("/api/admin/letters/" + letterId + "/embed/sites");
    }

    private static Response waitForCount(String path, int organizations) {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            Response r = given().header("Origin", "https://elsewhere.example").get(path).then().statusCode(200).extract().response();
            if (r.jsonPath().getInt("organizations") == organizations || System.currentTimeMillis() > until) {
                return r;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }
}
