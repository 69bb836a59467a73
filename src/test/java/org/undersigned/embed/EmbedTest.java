package org.undersigned.embed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Coalitions;
import org.undersigned.letter.LetterPartner;
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
 * the form stamp works in the frame without cookies; oEmbed describes the letter. A partner's
 * link works inside the frame as on the full form (hidden field, unticked share consent, kept
 * through the 400 page into the signature and the answer), with the logo upload, in the page's
 * language.
 */
@QuarkusTest
class EmbedTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Coalitions coalitions;

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
    void aPartnersLinkInsideTheFrameCarriesThePartnerThroughAnErrorIntoTheSignature() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner foe = coalitions.addPartner(Actor.SYSTEM, letter.id, "Friends of the Earth", "foe.example", "foe", null);
        addSite(letter.id, "https://partner.example").then().statusCode(200);
        String embed = "/embed/letters/" + letter.slug;

        Response form = given().accept("text/html").get(embed + "?partner=foe").then().statusCode(200).extract().response();
        assertNull(form.header("Set-Cookie"));
        String html = form.asString();
        assertTrue(html.contains("name=\"partner\" value=\"foe\""), "the partner rides in a hidden field");
        assertTrue(html.contains("Share my contact details with Friends of the Earth, who invited me"), "the share consent");
        assertFalse(html.matches("(?s).*name=\"shareWithPartner\" value=\"yes\" checked.*"), "unticked by default");
        assertTrue(html.contains("enctype=\"multipart/form-data\"") && html.contains("type=\"file\" id=\"f-logo\" name=\"logo\""),
                "the logo upload, as on the full form");
        assertTrue(html.contains("<html lang=\"en\" dir=\"ltr\">"), "English without a language asked for");

        // A mistake comes back in the frame with the partner and the ticked consent kept.
        String email = TestData.uniqueEmail("framed-foe");
        Map<String, String> fields = SignOnForms.organization("Framed Invited Org", email);
        fields.put("partner", "foe");
        fields.put("shareWithPartner", "yes");
        fields.remove("city");
        Response error = multipart(letter.slug, fields, null).post(embed + "/sign").then().statusCode(400).extract().response();
        assertNull(error.header("Set-Cookie"));
        assertTrue(error.header("Content-Security-Policy").contains("frame-ancestors https://partner.example"));
        assertTrue(error.asString().contains("name=\"partner\" value=\"foe\"")
                && error.asString().contains("name=\"shareWithPartner\" value=\"yes\" checked"), error.asString());
        assertEquals(0, data.signaturesByEmail(email).size(), "bad input writes nothing");

        fields.put("city", "Oakland");
        byte[] logo = org.undersigned.logos.TestImages.pngWithText(200, 80, "Author", "Jane Secret");
        Response signed = multipart(letter.slug, fields, logo).post(embed + "/sign").then().statusCode(303).extract().response();
        assertNull(signed.header("Set-Cookie"));
        assertEquals(embed + "/signed?partner=foe", signed.header("Location"), "the answer stays in the frame and names the partner");
        Response answer = given().accept("text/html").get(signed.header("Location")).then().statusCode(200).extract().response();
        assertNull(answer.header("Set-Cookie"));
        assertTrue(answer.header("Content-Security-Policy").contains("frame-ancestors https://partner.example"));
        assertTrue(answer.asString().contains("You came through the invitation of Friends of the Earth."), answer.asString());

        long sid = data.only(email).id();
        assertEquals(foe.id(), ((Number) data.single("select partner_id from signature where id = ?1", sid)).longValue());
        assertEquals(Boolean.TRUE, data.single("select consent_share_with_partner from signature where id = ?1", sid));
        assertEquals("PENDING", data.single("select state from signature_logo where signature_id = ?1", sid), "the logo waits for a vetter");
        byte[] stored = (byte[]) data.single("select png from signature_logo where signature_id = ?1", sid);
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Jane Secret"), "re-encoded");
        assertNull(data.single("select bot_signal from signature where id = ?1", sid), "a stamp carried in the form is enough");

        // A refused logo sends the form back in the frame and writes nothing.
        String svgEmail = TestData.uniqueEmail("framed-svg");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        multipart(letter.slug, SignOnForms.organization("Framed Svg Org", svgEmail), svg).post(embed + "/sign")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("Only PNG and JPEG images are accepted"));
        assertEquals(0, data.signaturesByEmail(svgEmail).size());
    }

    @Test
    void anUnknownOrAnotherLettersPartnerIsNoAttributionInTheFrame() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Letter other = data.open(LetterOptions.organizationsOnly());
        coalitions.addPartner(Actor.SYSTEM, other.id, "Elsewhere", null, "elsewhere", null);
        String embed = "/embed/letters/" + letter.slug;
        for (String code : List.of("elsewhere", "nope", "<script>")) {
            String html = given().accept("text/html").queryParam("partner", code).get(embed).then().statusCode(200).extract().asString();
            assertFalse(html.contains("name=\"partner\"") || html.contains("Share my contact details"), code);
            String email = TestData.uniqueEmail("stray-frame");
            Map<String, String> fields = SignOnForms.organization("Stray Framed " + code.length(), email);
            fields.put("partner", code);
            fields.put("shareWithPartner", "yes");
            String location = multipart(letter.slug, fields, null).post(embed + "/sign").then().statusCode(303).extract().header("Location");
            assertFalse(location.contains("<"), location);
            assertNull(data.single("select partner_id from signature where email = ?1", email));
            assertEquals(Boolean.FALSE, data.single("select consent_share_with_partner from signature where email = ?1", email));
            String answer = given().accept("text/html").get(location).then().statusCode(200).extract().asString();
            assertFalse(answer.contains("invitation of"), "no partner named: " + code);
        }
    }

    @Test
    void theFrameSpeaksThePagesLanguageWithoutCookies() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        coalitions.addPartner(Actor.SYSTEM, letter.id, "Amigos de la Tierra", null, "adlt", null);
        String embed = "/embed/letters/" + letter.slug;
        Response spanish = given().accept("text/html").get(embed + "?partner=adlt&lang=es").then().statusCode(200).extract().response();
        assertNull(spanish.header("Set-Cookie"));
        assertTrue(spanish.asString().contains("<html lang=\"es\" dir=\"ltr\">"), "lang and dir from ?lang=");
        assertTrue(spanish.asString().contains("Compartir mis datos de contacto con Amigos de la Tierra"), "the bundle's Spanish");
        assertTrue(spanish.asString().contains("<input type=\"hidden\" name=\"lang\" value=\"es\">"), "the form posts its language back");
        // Without ?lang= the browser's preference decides (and caches are told so); the address wins over it.
        Response french = given().accept("text/html").header("Accept-Language", "fr-CA, en;q=0.5").get(embed).then().statusCode(200).extract().response();
        assertTrue(french.asString().contains("<html lang=\"fr\" dir=\"ltr\">") && french.asString().contains("Signez cette lettre"));
        assertTrue(french.headers().getValues("Vary").stream().anyMatch(v -> v.contains("Accept-Language")), "caches key by the header");
        assertTrue(given().accept("text/html").header("Accept-Language", "fr").get(embed + "?lang=es").then().extract().asString()
                .contains("<html lang=\"es\""));

        String email = TestData.uniqueEmail("frame-es");
        Map<String, String> fields = SignOnForms.organization("Organizacion Enmarcada", email);
        fields.put("partner", "adlt");
        fields.put("lang", "es");
        Response signed = multipart(letter.slug, fields, null).post(embed + "/sign").then().statusCode(303).extract().response();
        assertEquals(embed + "/signed?partner=adlt&lang=es", signed.header("Location"));
        String answer = given().accept("text/html").get(signed.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(answer.contains("<html lang=\"es\"") && answer.contains("Revise su correo")
                && answer.contains("Ha llegado aquí por invitación de Amigos de la Tierra."), answer);
        assertEquals("es", data.single("select language from signature where email = ?1", email), "the signature records its language");
    }

    /** Posts the frame's form as a browser does (multipart, the form stamp from a minute ago), with a logo or none. */
    private static io.restassured.specification.RequestSpecification multipart(String slug, Map<String, String> fields, byte[] logo) {
        var request = given().redirects().follow(false).accept("text/html").contentType("multipart/form-data");
        fields.forEach(request::multiPart);
        request.multiPart("formStamp", SignOnForms.stamp(slug));
        if (logo != null) {
            request.multiPart("logo", "logo.bin", logo, "application/octet-stream");
        }
        return request;
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
