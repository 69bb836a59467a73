package org.undersigned.privacy;

import org.undersigned.audit.Actor;
import org.undersigned.letter.LetterTranslations;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.ConfigProvider;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.logos.TestImages;
import org.undersigned.support.Admins;
import org.undersigned.support.WebhookReceiver;
import org.undersigned.webhooks.WebhookSender;
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
 * the press outputs — nor in the embeddable pages (with a partner's link too), badges, oEmbed,
 * share image, logos sent through the form, the frame or the JSON API, the OSDI-shaped API or
 * the body of a webhook delivery to an untrusted endpoint.
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

    @Inject
    Admins admins;

    @Inject
    org.undersigned.letter.Coalitions coalitions;

    @Inject
    WebhookSender webhookSender;

    @Test
    void privateDetailsNeverAppearInPublicOutputsOrLogs() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        // An untrusted webhook receiver hears about the canary entries (issue 13): never their contact details.
        WebhookReceiver receiver = new WebhookReceiver();
        admins.api(Role.ADMIN).body(Map.of("letterId", letter.id, "url", receiver.url(),
                        "events", List.of("signature.confirmed", "signature.approved")))
                .post("/api/admin/webhooks").then().statusCode(201);
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

        // Issue 13: a partner (with a logo whose metadata carries canaries), categories, and an
        // organization that came through the partner's link, shared its contact with the partner,
        // picked a category and sent a logo with canaries in its metadata; approved and made a lead.
        byte[] tainted = TestImages.pngWithText(200, 100, "Comment", CONTACT + " " + PHONE + " " + ADDRESS);
        admins.session(Role.EDITOR).browser().contentType("multipart/form-data").multiPart("csrf", admins.session(Role.EDITOR).csrf())
                .multiPart("name", "Canary Partner").multiPart("code", "canary-partner").multiPart("logo", "p.png", tainted, "image/png")
                .post("/admin/letters/" + letter.id + "/partners").then().statusCode(303);
        long category = coalitions.addCategory(Actor.SYSTEM, letter.id, "Canary Category").id();
        String partneredEmail = "canary-partnered-" + TestData.uniqueEmail("w");
        Map<String, String> partnered = SignOnForms.organization("Canary Partnered Org", partneredEmail);
        partnered.put("contactName", CONTACT);
        partnered.put("contactTitle", TITLE);
        partnered.put("phone", PHONE);
        partnered.put("partner", "canary-partner");
        partnered.put("shareWithPartner", "yes");
        partnered.put("category", String.valueOf(category));
        partnered.put("formStamp", SignOnForms.stamp(letter.slug));
        var multipart = given().header("X-Forwarded-For", ADDRESS).redirects().follow(false).accept("text/html")
                .contentType("multipart/form-data");
        partnered.forEach(multipart::multiPart);
        multipart.multiPart("logo", "logo.png", tainted, "image/png").post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        Mails.confirmByLink(data.emailsTo(partneredEmail));
        data.approve(partneredEmail);
        long partneredId = data.only(partneredEmail).id();
        admins.session(Role.VETTER).post("/admin/signatures/" + partneredId + "/logo/approve", Map.of()).then().statusCode(303);
        admins.session(Role.EDITOR).post("/admin/signatures/" + partneredId + "/lead", Map.of()).then().statusCode(303);

        // Issue 13a: the same partner's link inside the embedded form (multipart, with a tainted
        // logo), and an organization signing through the JSON API with the partner and a tainted
        // logo in base64; both logos approved, so they are public outputs too.
        String framedEmail = "canary-framed-" + TestData.uniqueEmail("v");
        Map<String, String> framed = SignOnForms.organization("Canary Framed Org", framedEmail);
        framed.put("contactName", CONTACT);
        framed.put("contactTitle", TITLE);
        framed.put("phone", PHONE);
        framed.put("partner", "canary-partner");
        framed.put("shareWithPartner", "yes");
        framed.put("category", String.valueOf(category));
        framed.put("formStamp", SignOnForms.stamp(letter.slug));
        var framedPost = given().header("X-Forwarded-For", ADDRESS).redirects().follow(false).accept("text/html")
                .contentType("multipart/form-data");
        framed.forEach(framedPost::multiPart);
        framedPost.multiPart("logo", "logo.png", tainted, "image/png").post("/embed/letters/" + letter.slug + "/sign")
                .then().statusCode(303);
        String apiEmail = "canary-api-" + TestData.uniqueEmail("u");
        Map<String, Object> apiSignOn = new java.util.LinkedHashMap<>(SignOnForms.organization("Canary Api Org", apiEmail));
        apiSignOn.put("contactName", CONTACT);
        apiSignOn.put("contactTitle", TITLE);
        apiSignOn.put("phone", PHONE);
        apiSignOn.put("consentPublic", true);
        apiSignOn.put("partner", "canary-partner");
        apiSignOn.put("shareWithPartner", true);
        apiSignOn.put("category", String.valueOf(category));
        apiSignOn.put("logo", java.util.Base64.getEncoder().encodeToString(tainted));
        given().header("X-Forwarded-For", ADDRESS).contentType("application/json").body(apiSignOn)
                .post("/api/letters/" + letter.slug + "/signatures").then().statusCode(202);
        List<Long> moreLogos = new ArrayList<>();
        for (String email : List.of(framedEmail, apiEmail)) {
            Mails.confirmByLink(data.emailsTo(email));
            data.approve(email);
            long id = data.only(email).id();
            admins.session(Role.VETTER).post("/admin/signatures/" + id + "/logo/approve", Map.of()).then().statusCode(303);
            moreLogos.add(id);
        }

        List<String> secrets = List.of(orgEmail, personEmail, partneredEmail, framedEmail, apiEmail, "Canaryname", "Canarytitle",
                "867 5309", "8675309", ADDRESS);
        String base = "/letters/" + letter.slug;
        List<String> paths = List.of("/", base, base + "?as=individual", base + "/signatories", base + "/signatories?q=canary",
                base + "/sign", base + "/signed", base + "/press", base + "/signatories.csv", base + "/signatories.json",
                base + "/link", "/api/letters", "/api/letters/" + letter.slug, "/api/letters/" + letter.slug + "/signatories",
                "/api/letters/" + letter.slug + "/signatories?q=canary", "/q/openapi",
                base + "/sign?partner=canary-partner", base + "/signed?partner=canary-partner",
                base + "/logos/" + partneredId + ".png", base + "/partners/canary-partner/logo.png",
                // Sharing and embeds (issue 13)
                "/embed/letters/" + letter.slug, "/embed/letters/" + letter.slug + "?as=individual",
                "/embed/letters/" + letter.slug + "/signed", "/embed/letters/" + letter.slug + "/count.json",
                "/embed/letters/" + letter.slug + "/count.svg", base + "/share.png",
                // A partner's link inside the embed, its answer, and the logos sent in the frame and through the API (issue 13a)
                "/embed/letters/" + letter.slug + "?partner=canary-partner",
                "/embed/letters/" + letter.slug + "?partner=canary-partner&as=individual",
                "/embed/letters/" + letter.slug + "/signed?partner=canary-partner",
                base + "/logos/" + moreLogos.get(0) + ".png", base + "/logos/" + moreLogos.get(1) + ".png",
                // (REST Assured encodes the query itself)
                "/oembed?url=" + ConfigProvider.getConfig().getValue("undersigned.site.public-url", String.class)
                        .replaceAll("/+$", "") + base);
        // The same pages in every interface language, and a Spanish translation of the letter (issue 14).
        translations.save(Actor.SYSTEM, letter.id, new LetterTranslations.TranslationInput("es", "Carta canaria", "Sr. Bezos", "Le pedimos que **pare**."));
        List<String> all = new ArrayList<>(paths);
        for (String lang : List.of("es", "fr")) {
            paths.stream().filter(p -> !p.startsWith("/api/") && !p.startsWith("/q/") && !p.endsWith(".csv") && !p.endsWith(".json")
                            && !p.endsWith(".png") && !p.endsWith(".svg") && !p.startsWith("/oembed"))
                    .map(p -> p + (p.contains("?") ? "&" : "?") + "lang=" + lang).forEach(all::add);
        }
        List<String> outputs = new ArrayList<>();
        for (String path : all) {
            var response = given().get(path).then().statusCode(200).extract();
            assertTrue(response.header("Set-Cookie") == null, path + " sets no cookie");
            outputs.add(path + "\n" + new String(response.asByteArray(), StandardCharsets.ISO_8859_1));
        }
        // The OSDI-shaped read API, with a key (issue 13).
        String key = admins.api(Role.ADMIN).body(Map.of("name", "Canary CRM")).post("/api/admin/api-keys")
                .then().statusCode(201).extract().jsonPath().getString("apiKey");
        for (String path : List.of("/api/osdi/v1", "/api/osdi/v1/petitions", "/api/osdi/v1/petitions/" + letter.id,
                "/api/osdi/v1/petitions/" + letter.id + "/signatures")) {
            var response = given().header("OSDI-API-Token", key).get(path).then().statusCode(200).extract();
            assertTrue(response.header("Set-Cookie") == null, path + " sets no cookie");
            outputs.add(path + "\n" + response.asString());
        }
        assertTrue(outputs.get(outputs.size() - 1).contains("Canary Coalition"), "the public name is in the API");
        // The confirmations and approvals of all five entries reached the untrusted receiver.
        try (receiver) {
            for (WebhookReceiver.Received r : receiver.await(10, webhookSender, java.time.Duration.ofSeconds(30))) {
                outputs.add("webhook " + r.header("Undersigned-Event") + "\n" + r.body() + "\n" + r.headers());
            }
            // The webhook and API key admin pages list deliveries and keys, never a signer's details.
            long endpointId = ((Number) data.single("select id from webhook_endpoint where url = ?1", receiver.url())).longValue();
            Admins.Session admin = admins.session(Role.ADMIN);
            for (String path : List.of("/admin/webhooks", "/admin/webhooks?letter=" + letter.id, "/admin/webhooks/" + endpointId,
                    "/admin/api-keys")) {
                outputs.add(path + "\n" + admin.browser().get(path).then().statusCode(200).extract().asString());
            }
            assertTrue(outputs.get(outputs.size() - 2).contains("<tr id=\"delivery-"), "the endpoint's deliveries are listed");
        }
        for (String pdfPath : List.of(base + "/letter.pdf", base + "/letter.pdf?lang=es")) {
            byte[] pdf = given().get(pdfPath).then().statusCode(200).extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("Canary Coalition"), "the public name is in the PDF");
                assertTrue(text.contains("Canary Partner"), "partners are in the PDF");
                if (pdfPath.endsWith("lang=es")) {
                    assertTrue(text.contains("Carta canaria") && text.contains("Organizaciones"), "the Spanish PDF: " + text);
                    assertEquals("es", doc.getDocumentCatalog().getLanguage(), "the PDF says its language");
                } else {
                    assertTrue(text.contains("Lead signers"), "leads are in the PDF");
                }
                outputs.add(pdfPath + " (raw)\n" + new String(pdf, StandardCharsets.ISO_8859_1));
                outputs.add(pdfPath + "\n" + text);
            }
        }
        // The management interface (metrics labels, health data) is an output too, if not a public one.
        int management = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        for (String path : List.of("/q/metrics", "/q/health")) {
            outputs.add(path + "\n" + given().baseUri("http://localhost").port(management).get(path)
                    .then().statusCode(200).extract().asString());
        }
        for (String output : outputs) {
            for (String secret : secrets) {
                assertFalse(output.toLowerCase().contains(secret.toLowerCase()),
                        output.substring(0, output.indexOf('\n')) + " leaks " + secret);
            }
        }
        String page = given().get(base).then().extract().asString();
        assertTrue(page.contains("Canary Coalition") && page.contains("Canary Individual"), "the public names are there");
        assertTrue(page.contains("Canary Partnered Org") && page.contains("Canary Category") && page.contains("In partnership with"),
                "the coalition's public parts are there");
        assertTrue(page.contains("Canary Framed Org") && page.contains("Canary Api Org"), "the framed and API sign-ons are listed");
        assertTrue(outputs.stream().anyMatch(o -> o.startsWith("/embed/letters/" + letter.slug + "?partner=canary-partner\n")
                && o.contains("Canary Partner")), "the embedded form names the partner");

        // The log file the test profile writes, with everything logged so far in this run.
        Path log = Path.of("target", "test-app.log");
        assertTrue(Files.exists(log), "the test profile logs to " + log);
        String logged = Files.readString(log, StandardCharsets.UTF_8).toLowerCase();
        for (String secret : secrets) {
            assertFalse(logged.contains(secret.toLowerCase()), "the log contains " + secret);
        }
    }
}
