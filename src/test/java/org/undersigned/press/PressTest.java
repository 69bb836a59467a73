package org.undersigned.press;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PressTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void publicListsCarryPublicFieldsOnlyInPageOrder() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        String a = approved(letter, SignOnForms.organization("Zeta, \"The\" Union", TestData.uniqueEmail("z")));
        String b = approved(letter, SignOnForms.organization("Ángel Project", TestData.uniqueEmail("a")));
        String c = approved(letter, SignOnForms.individual("Ada Person", TestData.uniqueEmail("p")));
        String pending = TestData.uniqueEmail("pending");
        SignOnForms.post(letter.slug, SignOnForms.organization("Pending Org", pending));

        byte[] bytes = given().get("/letters/" + letter.slug + "/signatories.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", containsString("attachment; filename=\"" + letter.slug + "-signatories-"))
                .extract().asByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"));
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(List.of("Ángel Project", "Zeta, \"The\" Union", "Ada Person"),
                    rows.stream().map(r -> r.get("name")).toList());
            assertEquals("Professor of Law, State University", rows.get(2).get("affiliation"));
            assertEquals("Advocacy or civil-rights organization", rows.get(0).get("organization_type"));
        }
        for (String email : List.of(a, b, c, pending)) {
            assertFalse(csv.contains(email));
        }
        assertFalse(csv.contains("Pending Org") || csv.contains("Ana Contact") || csv.contains("555"));

        given().get("/letters/" + letter.slug + "/signatories.json").then().statusCode(200)
                .body("signatories.name", equalTo(List.of("Ángel Project", "Zeta, \"The\" Union", "Ada Person")))
                .body("summary", equalTo("Signed by 2 organizations and 1 individual"))
                .body(not(containsString("@example.org")))
                .body(not(containsString("contact")));
    }

    @Test
    void thePressPageGathersDownloadsCountsDeliveryAndContact() {
        Letter letter = data.closed(LetterOptions.organizationsOnly());
        data.deliver(letter.id, "Amazon's board");
        given().accept("text/html").get("/letters/" + letter.slug + "/press").then().statusCode(200)
                .body(containsString("/letters/" + letter.slug + "/letter.pdf"))
                .body(containsString("/letters/" + letter.slug + "/signatories.csv"))
                .body(containsString("/letters/" + letter.slug + "/signatories.json"))
                .body(containsString("Delivered to Amazon&#39;s board on"))
                .body(containsString("mailto:press@coalition.example"))
                .body(containsString("No signatures yet"));
    }

    @Test
    void theContactExportIsForAdminsOnlyAndRecorded() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = approved(letter, SignOnForms.organization("Contactable Org", TestData.uniqueEmail("contact")));
        given().get("/admin/letters/" + letter.id + "/signatures.csv").then().statusCode(401);
        admins.api(Role.VETTER).accept("text/csv").get("/admin/letters/" + letter.id + "/signatures.csv").then().statusCode(403);
        admins.api(Role.EDITOR).accept("text/csv").get("/admin/letters/" + letter.id + "/signatures.csv").then().statusCode(403);
        String csv = admins.api(Role.ADMIN).accept("text/csv").get("/admin/letters/" + letter.id + "/signatures.csv")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        assertTrue(csv.contains(email) && csv.contains("Ana Contact") && csv.contains("APPROVED"));
        assertEquals(1, data.countRows("audit_event", "letter_id = ?1 and action = 'signatures.exported-with-contacts'", letter.id));
    }

    @Test
    void adminsCanPreviewADraftAsPdf() {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        byte[] pdf = admins.api(Role.EDITOR).accept("application/pdf").get("/admin/letters/" + draft.id + "/letter.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(pdf.length > 1000 && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    }

    /** Spreadsheet formula injection: no cell of any export starts with something a spreadsheet runs. */
    @Test
    void formulasInSignersFieldsAreDefusedInThePublicAndTheContactExports() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Map<String, String> form = SignOnForms.organization("=HYPERLINK(\"http://evil.example\",\"x\")",
                TestData.uniqueEmail("formula"));
        form.put("contactName", "@SUM(1+1)*cmd");
        form.put("contactTitle", "+1+1");
        form.put("city", "-2+3");
        approved(letter, form);
        String pub = given().get("/letters/" + letter.slug + "/signatories.csv").then().statusCode(200).extract().asString();
        String admin = admins.api(Role.ADMIN).accept("text/csv").get("/admin/letters/" + letter.id + "/signatures.csv")
                .then().statusCode(200).extract().asString();
        for (String csv : List.of(pub, admin)) {
            try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)),
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
                for (CSVRecord r : parser.getRecords()) {
                    for (String cell : r) {
                        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                                "a cell a spreadsheet would run: " + cell);
                    }
                }
            }
        }
        assertTrue(pub.contains("'=HYPERLINK("), pub);
        assertTrue(admin.contains("'@SUM(1+1)*cmd") && admin.contains("'+1+1") && admin.contains("'-2+3"), admin);
    }

    private String approved(Letter letter, Map<String, String> form) {
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        data.approve(form.get("email"));
        return form.get("email");
    }
}
