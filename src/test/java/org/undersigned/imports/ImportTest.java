package org.undersigned.imports;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportTest {

    /** Headers as a Google Forms export writes them. */
    static final String GOOGLE_FORMS_HEADER = "Timestamp,Email Address,Organization Name,Website,City,State,Country,Your name,Title\n";

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void theMappingIsGuessedAndTheReportListsEveryProblemBeforeAnythingIsWritten() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String existing = TestData.uniqueEmail("existing");
        SignOnForms.post(letter.slug, SignOnForms.organization("Existing Org", existing)).then().statusCode(303);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = GOOGLE_FORMS_HEADER
                + "2021/04/01,ok1-" + tag + "@example.org,\"Free Press, Inc.\",freepress.net,Florence,MA,USA,Sam One,Director\n"
                + "2021/04/01,,No Email Org,,Boston,MA,US,Ann,Chair\n"
                + "2021/04/01,not-an-email,Bad Email Org,,Boston,MA,US,Ann,Chair\n"
                + "2021/04/01,ok2-" + tag + "@example.org,\"Line\nBreak Collective\",example.org,Oakland,CA,United States,Bo,Lead\n"
                + "2021/04/01,ok1-" + tag + "@example.org,Free Press,freepress.net,Florence,MA,US,Sam One,Director\n"
                + "2021/04/01," + existing + ",Existing Org,,Oakland,CA,US,Ann,Director\n"
                + "2021/04/01,ok3-" + tag + "@example.org,Existing Org,,Oakland,CA,Atlantis,Al,Organizer\n";
        var upload = admins.api(Role.VETTER).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/letters/" + letter.id + "/imports").then().statusCode(201).extract().jsonPath();
        long id = upload.getLong("id");
        Map<String, Integer> guessed = upload.getMap("mapping");
        assertEquals(1, guessed.get("EMAIL"));
        assertEquals(2, guessed.get("ORGANIZATION_NAME"));
        assertEquals(7, guessed.get("CONTACT_NAME"));
        assertEquals(8, guessed.get("CONTACT_TITLE"));
        assertEquals(5, guessed.get("REGION"));

        var report = admins.api(Role.VETTER).body(Map.of("mapping", guessed)).post("/api/admin/imports/" + id + "/check")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(7, report.getInt("rows"));
        assertEquals(2, report.getInt("valid"), report.prettify());
        List<Map<String, Object>> problems = report.getList("problems");
        assertProblem(problems, 3, "email", "Enter an email address.");
        assertProblem(problems, 4, "email", "Enter an email address like name@example.org.");
        assertProblem(problems, 6, "email", "The same signer as row 2.");
        assertProblem(problems, 7, "email", "Already on this letter");
        assertProblem(problems, 8, "country", "Choose a country from the list.");
        assertEquals(0, data.countRows("signature", "letter_id = ?1 and source = 'import'", letter.id), "nothing written yet");

        long version = admins.api(Role.VETTER).get("/api/admin/imports/" + id).then().extract().jsonPath().getLong("version");
        admins.api(Role.VETTER).body(Map.of("version", version)).post("/api/admin/imports/" + id + "/run").then().statusCode(202);
        awaitStatus(id, "DONE");
        List<Signature> imported = data.signatures(letter.id).stream().filter(s -> "import".equals(s.source())).toList();
        assertEquals(2, imported.size());
        assertTrue(imported.stream().allMatch(s -> s.state() == SignatureState.PENDING_REVIEW));
        Signature freePress = imported.stream().filter(s -> s.displayName().startsWith("Free Press")).findFirst().orElseThrow();
        assertEquals("US", freePress.country());
        assertEquals("Sam One", freePress.contactName());
        assertEquals("https://freepress.net", freePress.website());
        assertTrue(imported.stream().anyMatch(s -> s.displayName().equals("Line Break Collective")), "newlines in a quoted field become spaces");
        admins.api(Role.VETTER).queryParam("q", "free press").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().body("rows[0].source", equalTo("import"));
    }

    @Test
    void lookalikesOfExistingEntriesAreCountedAndFlaggedInTheQueue() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        SignOnForms.post(letter.slug, SignOnForms.organization("The Worth Rises", TestData.uniqueEmail("wr"))).then().statusCode(303);
        String csv = "email,organization\n" + TestData.uniqueEmail("wr2") + ",Worth Rises Inc.\n";
        long id = upload(letter, csv);
        var report = admins.api(Role.VETTER).body(Map.of("mapping", Map.of("EMAIL", 0, "ORGANIZATION_NAME", 1)))
                .post("/api/admin/imports/" + id + "/check").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("valid"));
        assertEquals(1, report.getInt("looksLikeDuplicates"));
        run(id);
        awaitStatus(id, "DONE");
        admins.api(Role.VETTER).queryParam("flag", "possible-duplicate").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().body("total", equalTo(1)).body("rows[0].duplicates[0].reasons", org.hamcrest.Matchers.hasItem("same name"));
    }

    @Test
    void anImportIsAllOrNothingAndShowsProgress() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        StringBuilder csv = new StringBuilder("email,organization\n");
        for (int i = 0; i < 600; i++) {
            csv.append("bulk").append(i).append('-').append(letter.slug).append("@example.org,Bulk Org ").append(i).append('\n');
        }
        csv.append("last-").append(letter.slug).append("@example.org,Explode ").append(letter.slug).append('\n');
        // A database failure on the very last row (a trigger made for this test), after 600 good inserts.
        String fn = "fail_" + letter.slug.replace('-', '_');
        data.execute("create function " + fn + "() returns trigger language plpgsql as $$ begin "
                + "perform pg_sleep(0.005); if new.display_name = 'Explode " + letter.slug + "' then raise exception 'boom'; end if; "
                + "return new; end $$");
        data.execute("create trigger " + fn + " before insert on signature for each row execute function " + fn + "()");
        try {
            long id = upload(letter, csv.toString());
            var report = admins.api(Role.ADMIN).body(Map.of("mapping", Map.of("EMAIL", 0, "ORGANIZATION_NAME", 1)))
                    .post("/api/admin/imports/" + id + "/check").then().statusCode(200).extract().jsonPath();
            assertEquals(601, report.getInt("valid"));
            run(id);
            int seenProgress = 0;
            for (int i = 0; i < 300; i++) {
                var state = admins.api(Role.ADMIN).get("/api/admin/imports/" + id).then().extract().jsonPath();
                int done = state.getInt("rowsDone");
                if ("RUNNING".equals(state.getString("status")) && done > 0 && done < 601) {
                    seenProgress = done;
                }
                if (!"RUNNING".equals(state.getString("status"))) {
                    break;
                }
                sleep(50);
            }
            assertTrue(seenProgress > 0, "progress was visible while running");
            awaitStatus(id, "FAILED");
            assertEquals(0, data.countRows("signature", "letter_id = ?1", letter.id), "nothing of the failed import remains");
            admins.session(Role.ADMIN).browser().get("/admin/imports/" + id).then().statusCode(200)
                    .body(containsString("nothing was added"));
        } finally {
            data.execute("drop trigger " + fn + " on signature");
            data.execute("drop function " + fn + "()");
        }
    }

    @Test
    void theBrowserFlowUploadsMapsChecksAndImports() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Admins.Session vetter = admins.session(Role.VETTER);
        String csv = "E-mail,Organisation,Ville\n" + TestData.uniqueEmail("fr") + ",Café Résistance,Lyon\n";
        String location = vetter.browser().contentType("multipart/form-data")
                .multiPart("csrf", vetter.csrf())
                .multiPart("file", "export.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/letters/" + letter.id + "/imports").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/imports/(\\d+)$", "$1"));
        vetter.browser().get("/admin/imports/" + id).then().statusCode(200)
                .body(containsString("<option value=\"0\" selected>E-mail</option>"))
                .body(containsString("Café Résistance"));
        vetter.post("/admin/imports/" + id + "/check", Map.of("map_EMAIL", "0", "map_ORGANIZATION_NAME", "1", "map_CITY", "2"))
                .then().statusCode(200).body(containsString("1 of 1 rows can be imported."));
        long version = admins.api(Role.VETTER).get("/api/admin/imports/" + id).then().extract().jsonPath().getLong("version");
        vetter.post("/admin/imports/" + id + "/run", Map.of("version", version)).then().statusCode(303);
        awaitStatus(id, "DONE");
        vetter.browser().get("/admin/imports/" + id).then().body(containsString("Imported 1 rows into the vetting queue."));
        assertEquals("Lyon", data.signatures(letter.id).get(0).city());
    }

    @Test
    void aFileThatIsNotCsvIsExplained() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        admins.api(Role.VETTER).contentType("text/csv").body("only,a,header\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/letters/" + letter.id + "/imports").then().statusCode(400)
                .body("errors[0].message", containsString("no rows"));
        admins.api(Role.EDITOR).contentType("text/csv").body("a\nb\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/letters/" + letter.id + "/imports").then().statusCode(403);
    }

    private long upload(Letter letter, String csv) {
        return admins.api(Role.ADMIN).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/letters/" + letter.id + "/imports").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void run(long id) {
        long version = admins.api(Role.ADMIN).get("/api/admin/imports/" + id).then().extract().jsonPath().getLong("version");
        admins.api(Role.ADMIN).body(Map.of("version", version)).post("/api/admin/imports/" + id + "/run").then().statusCode(202);
    }

    private void awaitStatus(long id, String status) {
        for (int i = 0; i < 400; i++) {
            String s = admins.api(Role.ADMIN).get("/api/admin/imports/" + id).then().extract().path("status");
            if (status.equals(s)) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("import " + id + " did not reach " + status);
    }

    private static void assertProblem(List<Map<String, Object>> problems, int row, String field, String text) {
        assertTrue(problems.stream().anyMatch(p -> ((Number) p.get("row")).intValue() == row && field.equals(p.get("field"))
                && String.valueOf(p.get("problem")).contains(text)), "row " + row + " " + field + " '" + text + "' in " + problems);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
