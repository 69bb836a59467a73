package org.undersigned.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Coalitions;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterPartner;
import org.undersigned.letter.SignatureFacts;
import org.undersigned.signing.SignatureCounts;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners (issue 13): attribution carried by the partner's link through the form (its error
 * page too) into the entry, with no cookie; per-partner counts; the share consent, unticked by
 * default; the partner export holding only those who gave that consent to that partner; and
 * partner staff limited to their own partner.
 */
@QuarkusTest
class PartnerTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Coalitions coalitions;

    @Inject
    SignatureFacts facts;

    @Inject
    SignatureCounts counts;

    @Test
    void aPartnerLinkAttributesTheSignOnThroughAnErrorAndTheConfirmationWithoutCookies() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner foe = coalitions.addPartner(Actor.SYSTEM, letter.id, "Friends of the Earth", "foe.example", "foe", null);

        Response form = given().accept("text/html").get("/letters/" + letter.slug + "/sign?partner=foe");
        form.then().statusCode(200)
                .body(containsString("name=\"partner\" value=\"foe\""))
                .body(containsString("Share my contact details with Friends of the Earth, who invited me"))
                .body(containsString("enctype=\"multipart/form-data\""));
        assertNull(form.header("Set-Cookie"));
        assertFalse(form.asString().matches("(?s).*name=\"shareWithPartner\" value=\"yes\" checked.*"), "unticked by default");

        String email = TestData.uniqueEmail("foe");
        Map<String, String> fields = SignOnForms.organization("Invited Org", email);
        fields.put("partner", "foe");
        fields.put("shareWithPartner", "yes");
        fields.remove("city");
        Response error = multipart(letter.slug, fields).post("/letters/" + letter.slug + "/sign");
        error.then().statusCode(400)
                .body(containsString("name=\"partner\" value=\"foe\""))
                .body(containsString("name=\"shareWithPartner\" value=\"yes\" checked"));
        assertEquals(0, data.signaturesByEmail(email).size(), "bad input writes nothing");

        fields.put("city", "Oakland");
        Response signed = multipart(letter.slug, fields).post("/letters/" + letter.slug + "/sign");
        signed.then().statusCode(303);
        assertEquals("/letters/" + letter.slug + "/signed?partner=foe", signed.header("Location"));
        assertNull(signed.header("Set-Cookie"));
        given().accept("text/html").get(signed.header("Location")).then().statusCode(200)
                .body(containsString("You came through the invitation of Friends of the Earth."));

        assertEquals(foe.id(), ((Number) data.single("select partner_id from signature where email = ?1", email)).longValue());
        assertEquals(Boolean.TRUE, data.single("select consent_share_with_partner from signature where email = ?1", email));
        assertEquals(1, facts.countsByPartner(letter.id).get(foe.id()).signedOn());

        Mails.confirmByLink(data.emailsTo(email));
        assertEquals(foe.id(), ((Number) data.single("select partner_id from signature where email = ?1", email)).longValue(),
                "the confirmation keeps the attribution");
        SignatureFacts.PartnerCount afterConfirm = facts.countsByPartner(letter.id).get(foe.id());
        assertEquals(1, afterConfirm.signedOn());
        assertEquals(1, afterConfirm.pendingReview());
        counts.fold();
        assertEquals(afterConfirm, facts.countsByPartner(letter.id).get(foe.id()), "the same once the deltas are folded");
        data.approve(email);
        assertEquals(1, facts.countsByPartner(letter.id).get(foe.id()).approved());

        admins.session(Role.EDITOR).browser().get("/admin/letters/" + letter.id).then().statusCode(200)
                .body(containsString("Sign-ons through partners' links"))
                .body(containsString("<tr id=\"partner-foe\"><th scope=\"row\">Friends of the Earth</th><td class=\"signed-on\">1</td><td class=\"pending\">0</td><td class=\"approved\">1</td></tr>"));
        // Each partner's embed snippet: the framed form with the partner's code (issue 13a).
        admins.session(Role.EDITOR).browser().get("/admin/letters/" + letter.id + "/partners").then().statusCode(200)
                .body(containsString("&lt;iframe src=&quot;"))
                .body(containsString("/embed/letters/" + letter.slug + "?partner=foe&quot;"))
                .body(containsString("href=\"/admin/letters/" + letter.id + "/embed\""));
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("In partnership with"))
                .body(containsString("<a href=\"https://foe.example\" rel=\"noopener\">Friends of the Earth</a>"));
    }

    @Test
    void anUnknownOrAnotherLettersPartnerIsNoAttribution() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Letter other = data.open(LetterOptions.organizationsOnly());
        coalitions.addPartner(Actor.SYSTEM, other.id, "Elsewhere", null, "elsewhere", null);
        given().accept("text/html").get("/letters/" + letter.slug + "/sign?partner=elsewhere").then().statusCode(200)
                .body(not(containsString("name=\"partner\"")))
                .body(not(containsString("Share my contact details")));
        for (String code : List.of("elsewhere", "nope", "<script>")) {
            String email = TestData.uniqueEmail("stray");
            Map<String, String> fields = SignOnForms.organization("Stray Org " + code.length(), email);
            fields.put("partner", code);
            fields.put("shareWithPartner", "yes");
            SignOnForms.post(letter.slug, fields).then().statusCode(303).header("Location", not(containsString("<")));
            assertNull(data.single("select partner_id from signature where email = ?1", email));
            assertEquals(Boolean.FALSE, data.single("select consent_share_with_partner from signature where email = ?1", email));
        }
    }

    @Test
    void thePartnerExportHoldsOnlyConfirmedSignersWhoConsentedToThatPartner() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        LetterPartner a = coalitions.addPartner(Actor.SYSTEM, letter.id, "Partner A", null, "partner-a", null);
        LetterPartner b = coalitions.addPartner(Actor.SYSTEM, letter.id, "Partner B", null, "partner-b", null);
        String consented = signVia(letter, "partner-a", true, true);
        String notConsented = signVia(letter, "partner-a", false, true);
        String unconfirmed = signVia(letter, "partner-a", true, false);
        String otherPartner = signVia(letter, "partner-b", true, true);
        String noPartner = signVia(letter, null, false, true);
        String withdrawn = signVia(letter, "partner-a", true, true);
        data.withdraw(withdrawn);

        String staff = admins.createPartnerStaff(a.id());
        Admins.Session session = Admins.signIn(staff);
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("email", staff).formParam("password", Admins.PASSWORD).post("/admin/sign-in")
                .then().statusCode(303).header("Location", containsString("/admin/partner"));
        session.browser().get("/admin/partner").then().statusCode(200)
                .body(containsString("Partner A"))
                .body(containsString("/letters/" + letter.slug + "/sign?partner=partner-a"))
                .body(containsString("<td class=\"signed-on\">4</td><td class=\"pending\">2</td>"))
                .body(containsString("&lt;iframe src=&quot;"))
                .body(containsString("/embed/letters/" + letter.slug + "?partner=partner-a&quot;"));

        String csv = session.browser().get("/admin/partner/contacts.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Cache-Control", "no-store").extract().asString();
        List<String> emails = emails(csv);
        assertEquals(List.of(consented), emails);
        for (String absent : List.of(notConsented, unconfirmed, otherPartner, noPartner, withdrawn)) {
            assertFalse(csv.contains(absent), absent);
        }
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'partner.contacts-exported' and actor_account_id = ?2",
                letter.id, admins.find(staff).id));

        String forB = admins.session(Role.ADMIN).browser().get("/admin/letters/" + letter.id + "/partners/" + b.id() + "/contacts.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(otherPartner), emails(forB));
    }

    @Test
    void partnerStaffSeeNothingButTheirOwnPartner() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        LetterPartner a = coalitions.addPartner(Actor.SYSTEM, letter.id, "Partner A", null, null, null);
        LetterPartner b = coalitions.addPartner(Actor.SYSTEM, letter.id, "Partner B", null, null, null);
        assertEquals("partner-a", a.code(), "a code made from the name");
        String staff = admins.createPartnerStaff(a.id());
        Admins.Session session = Admins.signIn(staff);
        String token = Admins.tokenFor(staff);
        for (String path : List.of("/admin", "/admin/letters/" + letter.id, "/admin/letters/" + letter.id + "/partners",
                "/admin/letters/" + letter.id + "/partners/" + b.id() + "/contacts.csv",
                "/admin/letters/" + letter.id + "/partners/" + a.id() + "/contacts.csv",
                "/admin/letters/" + letter.id + "/queue",
                "/admin/accounts")) {
            session.browser().get(path).then().statusCode(403);
        }
        for (String path : List.of("/api/admin/letters", "/api/admin/letters/" + letter.id, "/api/admin/me")) {
            given().auth().oauth2(token).accept("application/json").get(path).then().statusCode(403);
        }
        session.post("/admin/letters/" + letter.id + "/categories", Map.of("name", "Sneaky")).then().statusCode(403);
        assertEquals(0, data.countRows("letter_category", "letter_id = ?1", letter.id));
    }

    @Test
    void editorsAddPartnersWithALogoTheServerReencodes() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Admins.Session editor = admins.session(Role.EDITOR);
        byte[] logo = org.undersigned.logos.TestImages.pngWithText(300, 100, "Author", "Jane Secret");
        editor.browser().contentType("multipart/form-data").multiPart("csrf", editor.csrf()).multiPart("name", "Logo Partner")
                .multiPart("website", "logo-partner.example").multiPart("logo", "logo.png", logo, "image/png")
                .post("/admin/letters/" + letter.id + "/partners").then().statusCode(303);
        byte[] served = given().get("/letters/" + letter.slug + "/partners/logo-partner/logo.png").then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertFalse(new String(served, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Jane Secret"));
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("/letters/" + letter.slug + "/partners/logo-partner/logo.png"));

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        editor.browser().contentType("multipart/form-data").multiPart("csrf", editor.csrf()).multiPart("name", "Svg Partner")
                .multiPart("logo", "logo.svg", svg, "image/svg+xml")
                .post("/admin/letters/" + letter.id + "/partners").then().statusCode(400)
                .body(containsString("Only PNG and JPEG"));
        assertEquals(1, data.countRows("letter_partner", "letter_id = ?1", letter.id), "a refused logo adds nothing");
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.partner-added'", letter.id));
    }

    /** Signs on through a partner's link (or none) as a browser does, optionally confirming; returns the email. */
    private String signVia(Letter letter, String partner, boolean share, boolean confirm) {
        String email = TestData.uniqueEmail("via");
        Map<String, String> fields = SignOnForms.organization("Org " + email.substring(0, 12), email);
        if (partner != null) {
            fields.put("partner", partner);
        }
        if (share) {
            fields.put("shareWithPartner", "yes");
        }
        multipart(letter.slug, fields).post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        if (confirm) {
            Mails.confirmByLink(data.emailsTo(email));
        }
        return email;
    }

    static RequestSpecification multipart(String slug, Map<String, String> fields) {
        RequestSpecification request = RestAssured.given().redirects().follow(false).accept("text/html")
                .contentType("multipart/form-data");
        fields.forEach(request::multiPart);
        request.multiPart("formStamp", SignOnForms.stamp(slug));
        return request;
    }

    private static List<String> emails(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            assertEquals(PartnerExport.COLUMNS, parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertTrue(rows.stream().allMatch(r -> !r.get("email").isEmpty()));
            return rows.stream().map(r -> r.get("email")).toList();
        }
    }
}
