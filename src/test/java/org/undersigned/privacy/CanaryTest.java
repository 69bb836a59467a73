package org.undersigned.privacy;

import org.undersigned.audit.Actor;
import org.undersigned.letter.LetterTranslations;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary values planted in every private field (email, phone, contact name and title, client
 * address) never appear in any public page, list, export, PDF or API answer, nor in the
 * application's log file, after the entries went through sign-on, confirmation, approval and
 * the press outputs.
 */
@QuarkusTest
class CanaryTest {

    private static final String PHONE = "+1 555 867 5309";
    private static final String CONTACT = "Canaryname Contactperson";
    private static final String TITLE = "Canarytitle Director";
    private static final String ADDRESS = "198.51.100.223";

    @Inject
    LetterTranslations translations;

    @Inject
    TestData data;

    @Test
    void privateDetailsNeverAppearInPublicOutputsOrLogs() throws IOException {
        Letter letter = data.open(LetterOptions.everyone());
        String orgEmail = "canary-org-" + TestData.uniqueEmail("x");
        String personEmail = "canary-person-" + TestData.uniqueEmail("y");
        Map<String, String> org = SignOnForms.organization("Canary Coalition", orgEmail);
        org.put("contactName", CONTACT);
        org.put("contactTitle", TITLE);
        org.put("phone", PHONE);
        org.put("formStamp", SignOnForms.stamp(letter.slug));
        given().header("X-Forwarded-For", ADDRESS).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded").formParams(org)
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        given().header("X-Forwarded-For", ADDRESS).contentType("application/json")
                .body(Map.of("kind", "INDIVIDUAL", "name", "Canary Individual", "city", "Seattle", "email", personEmail,
                        "phone", PHONE, "consentPublic", true))
                .post("/api/letters/" + letter.slug + "/signatures").then().statusCode(202);
        // Signing again with the same address: the answer must not reveal that it had signed.
        given().header("X-Forwarded-For", ADDRESS).contentType("application/json")
                .body(Map.of("kind", "INDIVIDUAL", "name", "Canary Individual", "city", "Seattle", "email", personEmail,
                        "consentPublic", true))
                .post("/api/letters/" + letter.slug + "/signatures").then().statusCode(202);
        Mails.confirmByLink(data.emailsTo(orgEmail));
        Mails.confirmByLink(data.emailsTo(personEmail));
        data.approve(orgEmail);
        data.approve(personEmail);

        List<String> secrets = List.of(orgEmail, personEmail, "Canaryname", "Canarytitle", "867 5309", "8675309", ADDRESS);
        String base = "/letters/" + letter.slug;
        List<String> paths = List.of("/", base, base + "?as=individual", base + "/signatories", base + "/signatories?q=canary",
                base + "/sign", base + "/signed", base + "/press", base + "/signatories.csv", base + "/signatories.json",
                base + "/link", "/api/letters", "/api/letters/" + letter.slug, "/api/letters/" + letter.slug + "/signatories",
                "/api/letters/" + letter.slug + "/signatories?q=canary", "/q/openapi");
        // The same pages in every interface language, and a Spanish translation of the letter (issue 14).
        translations.save(Actor.SYSTEM, letter.id, new LetterTranslations.TranslationInput("es", "Carta canaria", "Sr. Bezos", "Le pedimos que **pare**."));
        List<String> all = new ArrayList<>(paths);
        for (String lang : List.of("es", "fr")) {
            paths.stream().filter(p -> !p.startsWith("/api/") && !p.startsWith("/q/") && !p.endsWith(".csv") && !p.endsWith(".json"))
                    .map(p -> p + (p.contains("?") ? "&" : "?") + "lang=" + lang).forEach(all::add);
        }
        List<String> outputs = new ArrayList<>();
        for (String path : all) {
            var response = given().get(path).then().statusCode(200).extract();
            assertTrue(response.header("Set-Cookie") == null, path + " sets no cookie");
            outputs.add(path + "\n" + response.asString());
        }
        for (String pdfPath : List.of(base + "/letter.pdf", base + "/letter.pdf?lang=es")) {
            byte[] pdf = given().get(pdfPath).then().statusCode(200).extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("Canary Coalition"), "the public name is in the PDF");
                if (pdfPath.endsWith("lang=es")) {
                    assertTrue(text.contains("Carta canaria") && text.contains("Organizaciones"), "the Spanish PDF: " + text);
                    assertEquals("es", doc.getDocumentCatalog().getLanguage(), "the PDF says its language");
                }
                outputs.add(pdfPath + "\n" + text);
            }
        }
        for (String output : outputs) {
            for (String secret : secrets) {
                assertFalse(output.toLowerCase().contains(secret.toLowerCase()),
                        output.substring(0, output.indexOf('\n')) + " leaks " + secret);
            }
        }
        String page = given().get(base).then().extract().asString();
        assertTrue(page.contains("Canary Coalition") && page.contains("Canary Individual"), "the public names are there");

        // The log file the test profile writes, with everything logged so far in this run.
        Path log = Path.of("target", "test-app.log");
        assertTrue(Files.exists(log), "the test profile logs to " + log);
        String logged = Files.readString(log, StandardCharsets.UTF_8).toLowerCase();
        for (String secret : secrets) {
            assertFalse(logged.contains(secret.toLowerCase()), "the log contains " + secret);
        }
    }
}
