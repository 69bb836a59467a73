package org.undersigned.logos;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logos sent at sign-on are stored re-encoded, shown only once a vetter approved them (and only
 * for an approved entry), removable by vetters; editors' lead signers come first, with their
 * logos, on the page and in the PDF.
 */
@QuarkusTest
class LogoFlowTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void aLogoIsShownOnlyAfterApprovalAndGoesWhenAVetterRemovesIt() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("logo");
        byte[] upload = TestImages.jpegWithExifAndComment(240, 120, "GPSLatitude 40.7 SecretCamera", "by Jane Secret");
        signWithLogo(letter, "Logo Lead Org", email, upload).then().statusCode(303);
        long sid = data.only(email).id();
        assertEquals("PENDING", data.single("select state from signature_logo where signature_id = ?1", sid));
        byte[] stored = (byte[]) data.single("select png from signature_logo where signature_id = ?1", sid);
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Secret"), "stored re-encoded, metadata gone");

        String logoUrl = "/letters/" + letter.slug + "/logos/" + sid + ".png";
        given().get(logoUrl).then().statusCode(404);
        Mails.confirmByLink(data.emailsTo(email));
        data.approve(email);
        given().get(logoUrl).then().statusCode(404); // the entry is approved, its logo is not yet

        Admins.Session editor = admins.session(Role.EDITOR);
        editor.post("/admin/signatures/" + sid + "/lead", Map.of()).then().statusCode(303);
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("<ul class=\"lead-signers\">"))
                .body(containsString("Logo Lead Org"))
                .body(not(containsString(logoUrl)));

        Admins.Session vetter = admins.session(Role.VETTER);
        vetter.browser().get("/admin/letters/" + letter.id + "/logos").then().statusCode(200)
                .body(containsString("/admin/signatures/" + sid + "/logo.png"));
        vetter.browser().accept("image/*").get("/admin/signatures/" + sid + "/logo.png").then().statusCode(200).contentType("image/png");
        vetter.post("/admin/signatures/" + sid + "/logo/approve", Map.of()).then().statusCode(303);
        assertEquals(1, data.countRows("audit_event", "signature_id = ?1 and action = 'logo.approved'", sid));

        byte[] png = given().get(logoUrl).then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertEquals(stored.length, png.length);
        // The cached letter page moved on to a new version and shows the logo now.
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("<img class=\"signer-logo\" src=\"" + logoUrl + "\""));

        byte[] pdf = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Lead signers") && text.contains("Logo Lead Org"), text);
            assertTrue(imagesOn(doc.getPage(0)) >= 1, "the lead's logo is embedded in the PDF");
        }

        vetter.post("/admin/signatures/" + sid + "/logo/remove", Map.of()).then().statusCode(303);
        given().get(logoUrl).then().statusCode(404);
        assertEquals("REMOVED", data.single("select state from signature_logo where signature_id = ?1", sid));
        assertNull(data.single("select png from signature_logo where signature_id = ?1", sid), "the image is deleted");
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("Logo Lead Org")).body(not(containsString(logoUrl)));
        vetter.post("/admin/signatures/" + sid + "/logo/approve", Map.of()).then().statusCode(409);
        assertEquals(1, data.countRows("audit_event", "signature_id = ?1 and action = 'logo.removed'", sid));
    }

    @Test
    void leadSignersComeFirstAndLeaveWithTheirEntry() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String first = TestData.uniqueEmail("a");
        String lead = TestData.uniqueEmail("z");
        SignOnForms.post(letter.slug, SignOnForms.organization("Aardvark Alliance", first)).then().statusCode(303);
        SignOnForms.post(letter.slug, SignOnForms.organization("Zebra Union", lead)).then().statusCode(303);
        data.approve(first);
        data.approve(lead);
        Admins.Session editor = admins.session(Role.EDITOR);
        long sid = data.only(lead).id();
        editor.browser().get("/admin/letters/" + letter.id + "/leads?q=zebra").then().statusCode(200)
                .body(containsString("/admin/signatures/" + sid + "/lead"));
        editor.post("/admin/signatures/" + sid + "/lead", Map.of()).then().statusCode(303);
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertTrue(page.indexOf("Zebra Union") < page.indexOf("Aardvark Alliance"), "the lead is listed first");

        data.withdraw(lead);
        String after = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertFalse(after.contains("Zebra Union"), "a withdrawn entry leaves the leads too");
        // A pending entry cannot be made a lead.
        String pending = TestData.uniqueEmail("p");
        SignOnForms.post(letter.slug, SignOnForms.organization("Pending Org", pending)).then().statusCode(303);
        editor.post("/admin/signatures/" + data.only(pending).id() + "/lead", Map.of()).then().statusCode(422);
    }

    @Test
    void aRefusedLogoSendsTheFormBackAndWritesNothing() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("svg");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        signWithLogo(letter, "Svg Org", email, svg).then().statusCode(400)
                .body(containsString("Only PNG and JPEG images are accepted"))
                .body(containsString("value=\"Svg Org\""));
        assertEquals(0, data.signaturesByEmail(email).size());
        byte[] polyglot = TestImages.concat(TestImages.png(64, 64), "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8));
        signWithLogo(letter, "Polyglot Org", email, polyglot).then().statusCode(400)
                .body(containsString("data after the end of the image"));
        assertEquals(0, data.signaturesByEmail(email).size());
    }

    @Test
    void logoDecisionsFollowTheirStateMachine() {
        assertTrue(LogoState.PENDING.canMoveTo(LogoState.APPROVED) && LogoState.PENDING.canMoveTo(LogoState.REMOVED)
                && LogoState.APPROVED.canMoveTo(LogoState.REMOVED));
        assertFalse(LogoState.REMOVED.canMoveTo(LogoState.APPROVED) || LogoState.APPROVED.canMoveTo(LogoState.PENDING)
                || LogoState.REMOVED.canMoveTo(LogoState.PENDING));
        SignatureLogo logo = SignatureLogo.uploaded(1, 1, LogoImage.reencode(TestImages.png(32, 32)), java.time.Instant.now());
        logo.remove(java.time.Instant.now(), null);
        assertThrows(org.undersigned.web.IllegalTransitionException.class, () -> logo.approve(java.time.Instant.now(), null));
    }

    private static io.restassured.response.Response signWithLogo(Letter letter, String name, String email, byte[] logo) {
        RequestSpecification request = RestAssured.given().redirects().follow(false).accept("text/html")
                .contentType("multipart/form-data");
        SignOnForms.organization(name, email).forEach(request::multiPart);
        request.multiPart("formStamp", SignOnForms.stamp(letter.slug));
        request.multiPart("logo", "logo.bin", logo, "application/octet-stream");
        return request.post("/letters/" + letter.slug + "/sign");
    }

    private static int imagesOn(PDPage page) throws java.io.IOException {
        int n = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                n++;
            }
        }
        return n;
    }
}
