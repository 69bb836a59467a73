package org.undersigned.imports;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An import is a durable job: if the instance running it dies, another one finishes it (once);
 * if it cannot be finished, it ends FAILED, never RUNNING for ever.
 */
@QuarkusTest
class ImportJobTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    org.undersigned.privacy.Retention retention;

    private long checkedImport(Letter letter, int rows) {
        StringBuilder csv = new StringBuilder("email,organization\n");
        for (int i = 0; i < rows; i++) {
            csv.append("job").append(i).append('-').append(letter.slug).append("@example.org,Job Org ").append(i).append('\n');
        }
        long id = admins.api(Role.ADMIN).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/letters/" + letter.id + "/imports").then().statusCode(201).extract().jsonPath().getLong("id");
        admins.api(Role.ADMIN).body(Map.of("mapping", Map.of("EMAIL", 0, "ORGANIZATION_NAME", 1)))
                .post("/api/admin/imports/" + id + "/check").then().statusCode(200);
        return id;
    }

    /** What an instance that died while importing leaves behind: the import RUNNING, its job's lease lapsed. */
    private void leaveAsIfTheWorkerDied(Letter letter, long importId, int attempts) {
        data.execute("update signature_import set status = 'RUNNING' where id = ?1", importId);
        data.execute("""
                insert into background_job (id, kind, letter_id, state, params, attempts, lease_owner, lease_until,
                    created_at, started_at, updated_at)
                values (nextval('background_job_seq'), 'import.run', ?1, 'RUNNING', cast(?2 as jsonb), ?3,
                    'instance-that-died', now() - interval '1 second', now(), now(), now() - interval '1 minute')""",
                letter.id, "{\"import\": " + importId + "}", attempts);
    }

    private String awaitStatus(long id, String... ends) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String s = admins.api(Role.ADMIN).get("/api/admin/imports/" + id).then().extract().path("status");
            for (String end : ends) {
                if (end.equals(s)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " stayed " + admins.api(Role.ADMIN).get("/api/admin/imports/" + id).then().extract().path("status"));
    }

    @Test
    void anImportWhoseInstanceDiedIsFinishedByAnotherOnce() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        long id = checkedImport(letter, 40);
        leaveAsIfTheWorkerDied(letter, id, 0);
        assertEquals("DONE", awaitStatus(id, "DONE", "FAILED"));
        assertEquals(40, data.countRows("signature", "letter_id = ?1 and source = 'import'", letter.id));
        assertEquals(1, data.countRows("background_job", "kind = 'import.run' and state = 'SUCCEEDED' and attempts = 1 and letter_id = ?1", letter.id));
        assertEquals(0, data.countRows("signature_import", "id = ?1 and content is not null", id), "the upload is gone");
    }

    @Test
    void anImportThatCannotBeFinishedEndsFailedNotRunning() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        long id = checkedImport(letter, 5);
        leaveAsIfTheWorkerDied(letter, id, 2); // its attempts are used up
        assertEquals("FAILED", awaitStatus(id, "DONE", "FAILED"));
        assertEquals(0, data.countRows("signature", "letter_id = ?1", letter.id));
    }

    @Test
    void theRetentionJobDeletesEveryOldUploadAndFailsAnImportLeftRunning() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        long stuck = checkedImport(letter, 3);
        long checked = checkedImport(letter, 3);
        // RUNNING without any job, as an import started before imports were durable jobs was left.
        data.execute("update signature_import set status = 'RUNNING' where id = ?1", stuck);
        data.execute("update signature_import set updated_at = now() - interval '8 days' where id in (?1, ?2)", stuck, checked);
        retention.run(java.time.Instant.now());
        assertEquals(0, data.countRows("signature_import", "id in (?1, ?2) and content is not null", stuck, checked));
        assertEquals("FAILED", admins.api(Role.ADMIN).get("/api/admin/imports/" + stuck).then().extract().path("status"));
        assertEquals("CHECKED", admins.api(Role.ADMIN).get("/api/admin/imports/" + checked).then().extract().path("status"));
        assertEquals(0, data.countRows("signature", "letter_id = ?1", letter.id));
    }
}
