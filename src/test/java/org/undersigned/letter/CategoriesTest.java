package org.undersigned.letter;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.signing.NameKeys;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signatory categories (issue 13): editors define them, signers pick one, and the page, the CSV
 * and JSON lists and the PDF group by them; individuals file under their sort name.
 */
@QuarkusTest
class CategoriesTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Coalitions coalitions;

    @Test
    void categoriesGroupThePageTheListsAndThePdf() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        String old = sign(letter, SignOnForms.organization("Old Org", TestData.uniqueEmail("old")), null, null);

        Admins.Session editor = admins.session(Role.EDITOR);
        for (String name : List.of("National", "State and local", "International")) {
            editor.post("/admin/letters/" + letter.id + "/categories", Map.of("name", name)).then().statusCode(303);
        }
        editor.post("/admin/letters/" + letter.id + "/categories", Map.of("name", "national")).then().statusCode(400)
                .body(containsString("already has that category"));
        List<LetterCategory> categories = LetterCategory.ofLetter(letter.id);
        long national = categories.get(0).id();
        long local = categories.get(1).id();
        long international = categories.get(2).id();

        given().accept("text/html").get("/letters/" + letter.slug + "/sign").then().statusCode(200)
                .body(containsString("<option value=\"" + local + "\">State and local</option>"));
        String missing = TestData.uniqueEmail("missing");
        SignOnForms.post(letter.slug, SignOnForms.organization("No Category Org", missing)).then().statusCode(400)
                .body(containsString("Choose where your signature belongs on the list."));
        Letter other = data.open(LetterOptions.organizationsOnly());
        long foreign = coalitions.addCategory(Actor.SYSTEM, other.id, "Foreign").id();
        Map<String, String> foreignForm = SignOnForms.organization("Foreign Category Org", missing);
        foreignForm.put("category", String.valueOf(foreign));
        SignOnForms.post(letter.slug, foreignForm).then().statusCode(400);
        assertEquals(0, data.signaturesByEmail(missing).size());

        List<String> emails = List.of(
                old,
                sign(letter, SignOnForms.organization("Zeta Org", TestData.uniqueEmail("z")), national, null),
                sign(letter, SignOnForms.organization("Alpha Org", TestData.uniqueEmail("a")), local, null),
                sign(letter, SignOnForms.individual("Ada Okafor", TestData.uniqueEmail("ada")), national, "Okafor"),
                sign(letter, SignOnForms.individual("Zed Adams", TestData.uniqueEmail("zed")), national, "Adams"),
                sign(letter, SignOnForms.individual("Bob Brown", TestData.uniqueEmail("bob")), national, null),
                sign(letter, SignOnForms.individual("Ina Far", TestData.uniqueEmail("ina")), international, null));
        emails.forEach(data::approve);
        assertEquals("Okafor", data.single("select sort_name from signature where email = ?1", emails.get(3)));
        assertEquals(NameKeys.listSortKey("Ada Okafor", "Okafor"),
                data.single("select sort_key from signature where email = ?1", emails.get(3)));

        List<String> order = List.of("Zeta Org", "Alpha Org", "Old Org", "Zed Adams", "Bob Brown", "Ada Okafor", "Ina Far");
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertInOrder(page, List.of("<h4 class=\"category\">National</h4>", "Zeta Org", "<h4 class=\"category\">State and local</h4>",
                "Alpha Org", "Old Org", "<h4 class=\"category\">National</h4>", "Zed Adams", "Bob Brown", "Ada Okafor",
                "<h4 class=\"category\">International</h4>", "Ina Far"));
        String full = given().accept("text/html").get("/letters/" + letter.slug + "/signatories").then().statusCode(200).extract().asString();
        assertInOrder(full, List.of("<h3 class=\"category\">National</h3>", "Zeta Org", "Alpha Org", "Old Org", "Zed Adams",
                "Bob Brown", "Ada Okafor", "<h3 class=\"category\">International</h3>", "Ina Far"));

        String csv = given().get("/letters/" + letter.slug + "/signatories.csv").then().statusCode(200).extract().asString();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(order, rows.stream().map(r -> r.get("name")).toList());
            assertEquals(List.of("National", "State and local", "", "National", "National", "National", "International"),
                    rows.stream().map(r -> r.get("category")).toList());
        }
        given().get("/letters/" + letter.slug + "/signatories.json").then().statusCode(200)
                .body("signatories.name", equalTo(order))
                .body("signatories[1].category", equalTo("State and local"));

        data.execute("update letter set pdf_grouping = 'CATEGORY' where id = ?1", letter.id);
        byte[] pdf = admins.api(Role.EDITOR).accept("application/pdf").get("/admin/letters/" + letter.id + "/letter.pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertInOrder(text, List.of("Organizations: National", "Zeta Org", "Organizations: State and local", "Alpha Org",
                    "Organizations: Other", "Old Org", "Individuals: National", "Zed Adams", "Bob Brown", "Ada Okafor",
                    "Individuals: International", "Ina Far"));
        }

        editor.post("/admin/letters/" + letter.id + "/categories/" + national + "/remove", Map.of()).then().statusCode(422);
        long unused = coalitions.addCategory(Actor.SYSTEM, letter.id, "Unused").id();
        editor.post("/admin/letters/" + letter.id + "/categories/" + unused + "/remove", Map.of()).then().statusCode(303);
        assertEquals(3, LetterCategory.ofLetter(letter.id).size());
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'letter.category-removed'", letter.id));
    }

    @Test
    void aSortNameFilesAnIndividualUnderItAndSurvivesACorrection() {
        assertTrue(NameKeys.listSortKey("Ada Okafor", "Okafor").startsWith("okafor"));
        assertEquals(NameKeys.sortKey("Ada Okafor"), NameKeys.listSortKey("Ada Okafor", " "));
        Letter letter = data.open(LetterOptions.everyone());
        String ada = sign(letter, SignOnForms.individual("Ada Okafor", TestData.uniqueEmail("ada")), null, "Okafor");
        String bob = sign(letter, SignOnForms.individual("Bob Brown", TestData.uniqueEmail("bob")), null, null);
        // Organizations have no sort name: one sent anyway is ignored.
        String acme = sign(letter, SignOnForms.organization("Acme Org", TestData.uniqueEmail("acme")), null, "Zzz");
        // The signer corrects their displayed name: the sort name still decides where they file.
        String manage = org.undersigned.support.Mails.confirmByLink(data.emailsTo(ada));
        io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("displayName", "Ada N. Okafor").formParam("city", "Seattle").formParam("region", "WA")
                .post(manage).then().statusCode(303);
        assertEquals(NameKeys.listSortKey("Ada N. Okafor", "Okafor"), data.single("select sort_key from signature where email = ?1", ada));
        List.of(ada, bob, acme).forEach(data::approve);
        assertEquals(null, data.single("select sort_name from signature where email = ?1", acme));
        given().get("/letters/" + letter.slug + "/signatories.json").then().statusCode(200)
                .body("signatories.name", equalTo(List.of("Acme Org", "Bob Brown", "Ada N. Okafor")));
    }

    private static String sign(Letter letter, Map<String, String> form, Long category, String sortName) {
        if (category != null) {
            form.put("category", String.valueOf(category));
        }
        if (sortName != null) {
            form.put("sortName", sortName);
        }
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        return form.get("email");
    }

    private static void assertInOrder(String text, List<String> parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertTrue(found >= 0, "expected “" + part + "” after position " + at + " in:\n" + text);
            at = found + part.length();
        }
    }
}
