package org.undersigned.logos;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A logo sent through the JSON sign-on API (base64 in the {@code logo} field) goes through the
 * same re-encoding as the form's upload and waits for a vetter; SVG, polyglots, text that is not
 * base64 and anything too large are refused with problem+json, writing nothing. Too long a text
 * is refused by its length, before decoding.
 */
@QuarkusTest
class LogoApiTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void aBase64LogoIsReencodedWithoutMetadataAndShownOnlyOnceApproved() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("apilogo");
        byte[] png = TestImages.pngWithText(240, 120, "Author", "Jane Secret");
        sign(letter, "Api Logo Org", email, Base64.getEncoder().encodeToString(png)).then().statusCode(202);

        long sid = data.only(email).id();
        assertEquals("PENDING", data.single("select state from signature_logo where signature_id = ?1", sid));
        byte[] stored = (byte[]) data.single("select png from signature_logo where signature_id = ?1", sid);
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Jane Secret"), "metadata gone");
        assertEquals(List.of("IHDR", "IDAT", "IEND"), LogoImageTest.chunkTypes(stored).stream().distinct().toList(),
                "a fresh PNG with pixels only");

        String logoUrl = "/letters/" + letter.slug + "/logos/" + sid + ".png";
        Mails.confirmByLink(data.emailsTo(email));
        data.approve(email);
        given().get(logoUrl).then().statusCode(404); // the entry is approved, its logo not yet
        admins.session(Role.VETTER).post("/admin/signatures/" + sid + "/logo/approve", Map.of()).then().statusCode(303);
        byte[] served = given().get(logoUrl).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(stored, served);
    }

    @Test
    void svgPolyglotsBadBase64AndOversizedLogosAreRefusedAndNothingIsWritten() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = TestImages.concat(TestImages.png(64, 64), "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8));
        // One byte over the limit still fits the longest base64 text allowed: the re-encoder refuses it.
        byte[] oneByteTooMany = new byte[LogoImage.MAX_BYTES + 1];
        System.arraycopy(TestImages.png(16, 16), 0, oneByteTooMany, 0, 8);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put(b64(svg), "Only PNG and JPEG images are accepted");
        refusals.put(b64(polyglot), "data after the end of the image");
        refusals.put(b64(TestImages.png(LogoImage.MAX_SIDE + 100, 40)), "larger than 2000 × 2000 pixels");
        refusals.put(b64(oneByteTooMany), "larger than 1024 KB");
        refusals.put("data:image/png;base64," + b64(TestImages.png(32, 32)), "in base64 (RFC 4648)");
        // Longer than any logo's base64 and not base64 at all: refused by its length, never decoded.
        refusals.put("!".repeat(LogoImage.MAX_BASE64_CHARS + 1), "larger than 1024 KB");
        for (var refusal : refusals.entrySet()) {
            String email = TestData.uniqueEmail("refused");
            Response r = sign(letter, "Refused Logo Org", email, refusal.getKey());
            r.then().statusCode(400).contentType("application/problem+json");
            assertEquals("logo", r.jsonPath().getString("errors[0].field"), r.asString());
            assertTrue(r.jsonPath().getString("errors[0].message").contains(refusal.getValue()),
                    refusal.getValue() + " expected, got " + r.jsonPath().getString("errors[0].message"));
            assertEquals(0, data.signaturesByEmail(email).size(), "nothing written");
        }
        assertEquals(0, data.countRows("signature_logo", "letter_id = ?1", letter.id));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Response sign(Letter letter, String name, String email, String logo) {
        Map<String, Object> body = new LinkedHashMap<>(SignOnForms.organization(name, email));
        body.put("consentPublic", true);
        body.put("formStamp", SignOnForms.stamp(letter.slug));
        body.put("logo", logo);
        return given().contentType("application/json").accept("application/json").body(body)
                .post("/api/letters/" + letter.slug + "/signatures");
    }
}
