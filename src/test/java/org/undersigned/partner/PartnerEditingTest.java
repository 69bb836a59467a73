package org.undersigned.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Coalitions;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterCategory;
import org.undersigned.letter.LetterPartner;
import org.undersigned.logos.TestImages;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing, removing and ordering partners, and ordering categories (issue 13): every change is
 * audited and moves the letter's version on, so the page, the lists and the PDF follow. A partner
 * nobody signed on through is deleted; one with sign-ons is retired (its link stops attributing,
 * it leaves the page and the PDF, its sign-ons keep their attribution, admins can still export
 * its consenting contacts, its staff lose access) and can be reinstated.
 */
@QuarkusTest
class PartnerEditingTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Coalitions coalitions;

    @Test
    void editorsChangeANameWebsiteAndLogoAndThePageAndThePdfFollow() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner partner = coalitions.addPartner(Actor.SYSTEM, letter.id, "Old Partner Name", "old.example", "ours", null);
        Admins.Session editor = admins.session(Role.EDITOR);
        String page = "/admin/letters/" + letter.id + "/partners/" + partner.id();
        assertTrue(editor.browser().get(page).then().statusCode(200).extract().asString().contains("value=\"Old Partner Name\""));
        long version = letterVersion(letter.id);

        // Bad input: the form again with what was typed, nothing written.
        String bad = edit(editor, page, "", "not a web address", null, false).then().statusCode(400).extract().asString();
        assertTrue(bad.contains("Enter the partner&#39;s name.") || bad.contains("Enter the partner's name."), bad);
        assertTrue(bad.contains("value=\"not a web address\""));
        assertEquals("Old Partner Name", data.single("select name from letter_partner where id = ?1", partner.id()));
        assertEquals(version, letterVersion(letter.id));

        edit(editor, page, "New Partner Name", "new.example", TestImages.png(240, 80), false).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/letters/" + letter.id + "/partners?notice=edited"));
        assertEquals("New Partner Name", data.single("select name from letter_partner where id = ?1", partner.id()));
        assertEquals("https://new.example", data.single("select website from letter_partner where id = ?1", partner.id()));
        assertTrue(letterVersion(letter.id) > version, "the letter's version moves on: cached page and stored PDF are redone");
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-edited'", letter.id));
        String publicPage = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertTrue(publicPage.contains("<a href=\"https://new.example\" rel=\"noopener\">New Partner Name</a>"));
        assertFalse(publicPage.contains("Old Partner Name"));
        given().get("/letters/" + letter.slug + "/partners/ours/logo.png").then().statusCode(200).contentType("image/png");
        assertTrue(pdfText(letter).contains("New Partner Name"));

        // A refused logo changes nothing; removing the logo takes it off the page.
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        edit(editor, page, "Renamed Again", "new.example", svg, false).then().statusCode(400);
        assertEquals("New Partner Name", data.single("select name from letter_partner where id = ?1", partner.id()));
        edit(editor, page, "New Partner Name", "new.example", null, true).then().statusCode(303);
        assertNull(data.single("select logo_png from letter_partner where id = ?1", partner.id()));
        given().get("/letters/" + letter.slug + "/partners/ours/logo.png").then().statusCode(404);
        assertEquals(2, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-edited'", letter.id));

        admins.session(Role.VETTER).browser().get(page).then().statusCode(403);
        edit(admins.session(Role.VETTER), page, "Vetter Was Here", null, null, false).then().statusCode(403);
    }

    @Test
    void aPartnerNobodySignedOnThroughIsDeleted() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner partner = coalitions.addPartner(Actor.SYSTEM, letter.id, "Short Lived", null, "short", null);
        Admins.Session editor = admins.session(Role.EDITOR);
        editor.post("/admin/letters/" + letter.id + "/partners/" + partner.id() + "/remove", Map.of()).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("?notice=deleted"));
        assertEquals(0, data.countRows("letter_partner", "id = ?1", partner.id()));
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-removed'", letter.id));
        editor.post("/admin/letters/" + letter.id + "/partners/" + partner.id() + "/remove", Map.of()).then().statusCode(404);
    }

    @Test
    void aPartnerWithSignOnsIsRetiredKeepsItsSignOnsAndCanComeBack() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner partner = coalitions.addPartner(Actor.SYSTEM, letter.id, "Retiring Partner", "retiring.example", "retiring", null);
        String staff = admins.createPartnerStaff(partner.id());
        String before = signVia(letter, "retiring");
        Admins.Session editor = admins.session(Role.EDITOR);
        String base = "/admin/letters/" + letter.id + "/partners/" + partner.id();
        long version = letterVersion(letter.id);

        editor.post(base + "/remove", Map.of()).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("?notice=retired"));
        assertEquals("RETIRED", data.single("select state from letter_partner where id = ?1", partner.id()));
        assertTrue(letterVersion(letter.id) > version);
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-retired'", letter.id));

        // Off the page, the public JSON and the PDF; its link no longer names it nor attributes.
        assertFalse(given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString()
                .contains("Retiring Partner"));
        assertFalse(given().accept("application/json").get("/api/letters/" + letter.slug).then().statusCode(200).extract().asString()
                .contains("Retiring Partner"));
        assertFalse(pdfText(letter).contains("Retiring Partner"));
        assertFalse(given().accept("text/html").get("/letters/" + letter.slug + "/sign?partner=retiring").then().statusCode(200)
                .extract().asString().contains("name=\"partner\" value=\"retiring\""));
        String after = signVia(letter, "retiring");
        assertNull(data.single("select partner_id from signature where email = ?1", after), "a retired partner's link attributes nothing");
        assertEquals(partner.id(), ((Number) data.single("select partner_id from signature where email = ?1", before)).longValue(),
                "its sign-ons keep their attribution");

        // Admins still see it (marked) and export its consenting contacts; its staff lose access.
        String adminPage = admins.session(Role.ADMIN).browser().get("/admin/letters/" + letter.id + "/partners").then()
                .statusCode(200).extract().asString();
        assertTrue(adminPage.contains("Retiring Partner") && adminPage.contains("retired"));
        String csv = admins.session(Role.ADMIN).browser().get(base + "/contacts.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(before));
        Admins.signIn(staff).browser().get("/admin/partner").then().statusCode(403);

        // Moving or retiring it again is refused; reinstating brings it back.
        editor.post(base + "/move", Map.of("direction", "up")).then().statusCode(422);
        editor.post(base + "/remove", Map.of()).then().statusCode(409);
        editor.post(base + "/reinstate", Map.of()).then().statusCode(303);
        assertEquals("ACTIVE", data.single("select state from letter_partner where id = ?1", partner.id()));
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-reinstated'", letter.id));
        editor.post(base + "/reinstate", Map.of()).then().statusCode(409);
        String third = signVia(letter, "retiring");
        assertEquals(partner.id(), ((Number) data.single("select partner_id from signature where email = ?1", third)).longValue());
        assertTrue(given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString()
                .contains("Retiring Partner"));
    }

    @Test
    void partnersAndCategoriesAreReorderedAndThePageListsAndPdfFollow() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner a = coalitions.addPartner(Actor.SYSTEM, letter.id, "Alpha Partner", null, "alpha", null);
        coalitions.addPartner(Actor.SYSTEM, letter.id, "Bravo Partner", null, "bravo", null);
        LetterPartner c = coalitions.addPartner(Actor.SYSTEM, letter.id, "Charlie Partner", null, "charlie", null);
        Admins.Session editor = admins.session(Role.EDITOR);
        String partners = "/admin/letters/" + letter.id + "/partners/";
        long version = letterVersion(letter.id);

        editor.post(partners + c.id() + "/move", Map.of("direction", "up")).then().statusCode(303);
        editor.post(partners + a.id() + "/move", Map.of("direction", "down")).then().statusCode(303);
        editor.post(partners + a.id() + "/move", Map.of("direction", "sideways")).then().statusCode(400);
        assertTrue(letterVersion(letter.id) > version);
        assertEquals(2, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-moved'", letter.id));
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertInOrder(page, "Charlie Partner", "Alpha Partner", "Bravo Partner");
        assertInOrder(pdfText(letter), "Charlie Partner", "Alpha Partner", "Bravo Partner");
        assertInOrder(given().accept("application/json").get("/api/letters/" + letter.slug).then().statusCode(200).extract().asString(),
                "Charlie Partner", "Alpha Partner", "Bravo Partner");
        // The first cannot go further up: nothing changes, nothing is recorded.
        editor.post(partners + c.id() + "/move", Map.of("direction", "up")).then().statusCode(303);
        assertEquals(2, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-moved'", letter.id));

        LetterCategory national = coalitions.addCategory(Actor.SYSTEM, letter.id, "National");
        LetterCategory local = coalitions.addCategory(Actor.SYSTEM, letter.id, "State and local");
        editor.post("/admin/letters/" + letter.id + "/categories/" + local.id() + "/move", Map.of("direction", "up"))
                .then().statusCode(303);
        assertEquals(local.id() + "," + national.id(), data.single(
                "select string_agg(id::text, ',' order by position, id) from letter_category where letter_id = ?1", letter.id));
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.category-moved'", letter.id));
        assertInOrder(given().accept("text/html").get("/letters/" + letter.slug + "/sign").then().statusCode(200).extract().asString(),
                ">State and local<", ">National<");
        assertTrue(editor.browser().get("/admin/letters/" + letter.id + "/categories?notice=moved").then().statusCode(200)
                .extract().asString().contains("Order saved."));
        admins.session(Role.VETTER).post(partners + a.id() + "/move", Map.of("direction", "up")).then().statusCode(403);
    }

    private static Response edit(Admins.Session session, String page, String name, String website, byte[] logo,
                                 boolean removeLogo) {
        RequestSpecification r = session.browser().contentType("multipart/form-data").multiPart("csrf", session.csrf())
                .multiPart("name", name == null ? "" : name).multiPart("website", website == null ? "" : website);
        if (logo != null) {
            r.multiPart("logo", "logo.png", logo, "image/png");
        }
        if (removeLogo) {
            r.multiPart("removeLogo", "yes");
        }
        return r.post(page);
    }

    /** Signs on through a partner's link as a browser does and confirms; returns the email. */
    private String signVia(Letter letter, String partner) {
        String email = TestData.uniqueEmail("retire");
        Map<String, String> fields = SignOnForms.organization("Org " + email.substring(0, 14), email);
        fields.put("partner", partner);
        fields.put("shareWithPartner", "yes");
        PartnerTest.multipart(letter.slug, fields).post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        Mails.confirmByLink(data.emailsTo(email));
        return email;
    }

    private long letterVersion(long letterId) {
        return ((Number) data.single("select version from letter where id = ?1", letterId)).longValue();
    }

    private String pdfText(Letter letter) throws Exception {
        byte[] pdf = admins.api(Role.EDITOR).accept("application/pdf").get("/admin/letters/" + letter.id + "/letter.pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void assertInOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part, at + 1);
            assertTrue(next > at, "\"" + part + "\" after the previous one in order " + List.of(parts));
            at = next;
        }
    }
}
