package org.undersigned.press;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LetterPdfTest {

    static final List<String> NAMES = List.of("Émile Zoë Łódź Coöperative", "Ελληνική Ένωση Πολιτών",
            "Правозащитный центр", "مركز الحقوق", "מרכז לזכויות האדם", "人权观察", "日本の市民団体", "한국인권재단");

    @Inject
    TestData data;


    @Inject
    org.undersigned.support.Admins admins;

    @Test
    void thePdfListsEveryApprovedNameInEveryScriptAndNothingPrivate() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        List<String> emails = new ArrayList<>();
        for (String name : NAMES) {
            String email = TestData.uniqueEmail("pdf");
            emails.add(email);
            SignOnForms.post(letter.slug, SignOnForms.organization(name, email)).then().statusCode(303);
            data.approve(email);
        }
        String person = TestData.uniqueEmail("pdf-person");
        SignOnForms.post(letter.slug, SignOnForms.individual("Dr. Ada Example", person)).then().statusCode(303);
        data.approve(person);
        Map<String, String> notShown = Map.of("Pending Org", TestData.uniqueEmail("pending"),
                "Rejected Org", TestData.uniqueEmail("rejected"), "Withdrawn Org", TestData.uniqueEmail("withdrawn"),
                "Unconfirmed Org", TestData.uniqueEmail("unconfirmed"));
        notShown.forEach((name, email) -> SignOnForms.post(letter.slug, SignOnForms.organization(name, email)));
        data.confirm(notShown.get("Pending Org"));
        data.approve(notShown.get("Rejected Org"));
        data.reject(notShown.get("Rejected Org"));
        data.approve(notShown.get("Withdrawn Org"));
        data.withdraw(notShown.get("Withdrawn Org"));

        byte[] pdf = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("filename=\"" + letter.slug + "-"))
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().asByteArray();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
            assertTrue(text.contains(letter.title), "title");
            assertTrue(text.contains("Signed by 8 organizations and 1 individual"), "count line");
            for (String name : NAMES) {
                String expected = Normalizer.normalize(name, Normalizer.Form.NFKC);
                assertTrue(text.contains(expected) || text.contains(new StringBuilder(expected).reverse()),
                        "missing " + name + " in:\n" + text);
            }
            assertTrue(text.contains("Dr. Ada Example") && text.contains("Professor of Law, State University*"));
            assertTrue(text.contains("Affiliation for identification only"));
            for (String hidden : notShown.keySet()) {
                assertFalse(text.contains(hidden), hidden + " must not appear");
            }
            for (String email : emails) {
                assertFalse(text.contains(email), "no contact email");
            }
            assertFalse(text.contains("Ana Contact") || text.contains("510 555"), "no contact details");
            assertTrue(text.contains("Page 1 of " + doc.getNumberOfPages()), "page numbers");
            assertEquals(letter.title, doc.getDocumentInformation().getTitle());
            assertEquals("Test Coalition", doc.getDocumentInformation().getAuthor());
            assertNotNull(doc.getDocumentCatalog().getMetadata(), "XMP metadata (PDF/A)");
            assertFalse(doc.getDocumentCatalog().getOutputIntents().isEmpty(), "sRGB output intent (PDF/A)");
            assertEquals("en", doc.getDocumentCatalog().getLanguage());
            assertNotNull(doc.getDocumentCatalog().getStructureTreeRoot(), "tagged for accessibility");
            for (PDPage page : doc.getPages()) {
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
    }

    @Test
    void groupedPdfsListEveryoneUnderTheirHeadingInOrder() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        insertApproved(letter, "ORGANIZATION", "Tex Org A", "Texas", "LABOR");
        insertApproved(letter, "ORGANIZATION", "Tex Org B", " texas ", "ADVOCACY");
        insertApproved(letter, "ORGANIZATION", "Cal Org", "California", "ADVOCACY");
        insertApproved(letter, "ORGANIZATION", "Nowhere Org", null, null);
        insertApproved(letter, "INDIVIDUAL", "Ida Person", "Oregon", null);
        insertApproved(letter, "INDIVIDUAL", "Abe Person", null, null);

        data.execute("update letter set pdf_grouping = 'REGION' where id = ?1", letter.id);
        assertInOrder(pdfText(letter), "Organizations: California", "Cal Org", "Organizations: Texas", "Tex Org A",
                "Tex Org B", "Organizations: Other", "Nowhere Org", "Individuals: Oregon", "Ida Person",
                "Individuals: Other", "Abe Person");

        data.execute("update letter set pdf_grouping = 'ORG_TYPE' where id = ?1", letter.id);
        // Kinds of organization in the order of their labels, entries without one last.
        assertInOrder(pdfText(letter), "Organizations: Advocacy or civil-rights organization", "Cal Org", "Tex Org B",
                "Organizations: Labor union or workers' organization", "Tex Org A", "Organizations: Other",
                "Nowhere Org", "Individuals", "Abe Person", "Ida Person");

        // Headings speak the letter's language, like the rest of the PDF.
        data.execute("update letter set language = 'es', pdf_grouping = 'REGION' where id = ?1", letter.id);
        String spanish = pdfText(letter);
        assertInOrder(spanish, "Organizaciones: California", "Cal Org", "Organizaciones: Texas", "Tex Org A",
                "Organizaciones: Otro", "Nowhere Org", "Personas a título individual: Oregon", "Ida Person");
        assertTrue(spanish.contains(msgEs("pager_position").replace("{page}", "1").replace("{pages}", "")), "page numbers: " + spanish);
        assertTrue(spanish.contains(msgEs("letter_digest").replace("{version}", "1")), "the text's digest line: " + spanish);
        assertFalse(spanish.contains("Page 1 of") || spanish.contains("Text version"), "no English left: " + spanish);
        data.execute("update letter set pdf_grouping = 'ORG_TYPE' where id = ?1", letter.id);
        assertInOrder(pdfText(letter), "Organizaciones: " + msgEs("orgtype_ADVOCACY"), "Cal Org");
    }

    private static String msgEs(String key) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = LetterPdfTest.class.getResourceAsStream("/messages/msg_es.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.getProperty(key);
    }

    private String pdfText(Letter letter) throws Exception {
        byte[] pdf = admins.api(org.undersigned.account.Role.EDITOR).accept("application/pdf").get("/admin/letters/" + letter.id + "/letter.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void assertInOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part, at + 1);
            assertTrue(next > at, "'" + part + "' after position " + at + " in:\n" + text);
            at = next;
        }
    }

    private void insertApproved(Letter letter, String kind, String name, String region, String orgType) {
        data.execute("""
                insert into signature (id, letter_id, letter_version, kind, state, source, display_name, city, region,
                    country, org_type, sort_key, name_key, contact_name, email, email_normalized, consent_public,
                    consent_updates, confirm_token_hash, confirm_expires_at, confirmed_at, created_at, updated_at, version)
                values (nextval('signature_seq'), ?1, 1, ?2, 'APPROVED', 'test', ?3, 'City', ?4, 'US', ?5, lower(?3),
                    lower(?3), 'Contact', ?6, ?6, true, false, md5(?6), now(), now(), now(), now(), 0)""",
                letter.id, kind, name, region, orgType, TestData.uniqueEmail("grouped"));
    }

    @Test
    void aMatchingETagGets304AndAChangeMakesANewPdf() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String etag = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(304)
                .header("ETag", equalTo(etag));
        String email = TestData.uniqueEmail("change");
        SignOnForms.post(letter.slug, SignOnForms.organization("Newly Approved", email));
        data.approve(email);
        given().header("If-None-Match", etag).get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
    }

    /**
     * The stored PDF prints the coalition's name and contact and groups the list as the letter
     * says: an editor changing them on a published letter gets a new PDF, not the stored one.
     */
    @Test
    void changingWhatThePdfPrintsBesidesTheTextAndListMakesANewPdf() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        insertApproved(letter, "ORGANIZATION", "Grouped Org", "Texas", "ADVOCACY");
        String etag = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).extract().header("ETag");

        Map<String, Object> edited = new java.util.HashMap<>(admins.api(org.undersigned.account.Role.EDITOR)
                .get("/api/admin/letters/" + letter.id).then().statusCode(200).extract().jsonPath().getMap(""));
        edited.put("coalitionName", "Renamed Coalition");
        edited.put("pdfGrouping", "REGION");
        admins.api(org.undersigned.account.Role.EDITOR).contentType(io.restassured.http.ContentType.JSON).body(edited)
                .put("/api/admin/letters/" + letter.id).then().statusCode(200).body("textVersion", equalTo(1));

        var response = given().header("If-None-Match", etag).get("/letters/" + letter.slug + "/letter.pdf")
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.not(equalTo(etag))).extract();
        try (PDDocument doc = Loader.loadPDF(response.asByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Renamed Coalition"), "the new coalition name: " + text);
            assertInOrder(text, "Organizations: Texas", "Grouped Org");
        }
        // And it is the PDF now stored: asked again, the same one.
        given().header("If-None-Match", response.header("ETag")).get("/letters/" + letter.slug + "/letter.pdf")
                .then().statusCode(304);
    }

    @Test
    void aBurstOfDownloadsCausesOneRender() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        for (int i = 0; i < 30; i++) {
            String email = TestData.uniqueEmail("burst");
            SignOnForms.post(letter.slug, SignOnForms.organization("Burst Org " + i, email));
            data.approve(email);
        }
        // Every stored rendering is logged by LetterPdfs: count this letter's, as an operator would.
        List<Object> rendered = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = org.jboss.logmanager.LogContext.getLogContext().getLogger(LetterPdfs.class.getName());
        java.util.logging.Handler counter = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                // The log manager hands handlers the formatted message.
                if (r.getMessage() != null && r.getMessage().startsWith("Rendered the PDF of letter " + letter.id + " (")) {
                    rendered.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(counter);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(() -> given().get("/letters/" + letter.slug + "/letter.pdf").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
            log.removeHandler(counter);
        }
        assertEquals(1, rendered.size(), "24 simultaneous downloads, one render");
    }

    @Test
    void draftsArePrivateButAdminsCanPreviewThem() {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        given().get("/letters/" + draft.slug + "/letter.pdf").then().statusCode(404);
    }
}
