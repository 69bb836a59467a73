package org.undersigned.audit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.signing.Signature;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditTrailTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    AuditLog audit;

    @Test
    void everyActionIsRecordedWithWhoWhatWhenAndTheValues() {
        String editor = admins.create(Role.EDITOR);
        String editorToken = Admins.tokenFor(editor);
        String vetterToken = admins.token(Role.VETTER);
        long id = given().auth().oauth2(editorToken).contentType("application/json")
                .body(Map.of("slug", TestData.uniqueSlug("audit"), "title", "Audited letter", "addressees", "Them",
                        "bodyMarkdown", "Text", "coalitionName", "Coalition", "coalitionContact", "press@example.org"))
                .post("/api/admin/letters").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(editorToken).post("/api/admin/letters/" + id + "/publish").then().statusCode(200);
        given().auth().oauth2(editorToken).contentType("application/json").body(Map.of("postedOn", "2021-05-18", "markdown", "Victory"))
                .post("/api/admin/letters/" + id + "/updates").then().statusCode(201);
        Letter letter = data.letter(id);

        String email = TestData.uniqueEmail("audited");
        SignOnForms.post(letter.slug, SignOnForms.organization("Audited Org", email)).then().statusCode(303);
        given().redirects().follow(false).post(Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/"));
        Signature s = data.only(email);
        given().auth().oauth2(vetterToken).contentType("application/json").body(Map.of("version", s.version()))
                .post("/api/admin/signatures/" + s.id() + "/approve").then().statusCode(200);
        given().auth().oauth2(editorToken).post("/api/admin/letters/" + id + "/close").then().statusCode(200);

        List<AuditLog.Entry> entries = audit.forLetter(id, 100, Long.MAX_VALUE);
        List<String> actions = entries.stream().map(AuditLog.Entry::action).toList();
        assertTrue(actions.containsAll(List.of("letter.created", "letter.published", "update.posted",
                "signature.confirmed", "signature.approved", "letter.closed")), actions.toString());
        AuditLog.Entry approval = entries.stream().filter(e -> e.action().equals("signature.approved")).findFirst().orElseThrow();
        assertTrue(approval.actor().startsWith("vetter-"), approval.actor());
        assertEquals(s.id(), approval.signatureId());
        assertTrue(approval.before().contains("PENDING_REVIEW") && approval.after().contains("APPROVED"), approval.toString());
        AuditLog.Entry confirmed = entries.stream().filter(e -> e.action().equals("signature.confirmed")).findFirst().orElseThrow();
        assertEquals("signer", confirmed.actor());
        AuditLog.Entry closed = entries.stream().filter(e -> e.action().equals("letter.closed")).findFirst().orElseThrow();
        assertEquals(editor, closed.actor());
        assertTrue(closed.before().contains("OPEN") && closed.after().contains("CLOSED"));

        given().auth().oauth2(editorToken).get("/api/admin/letters/" + id + "/audit").then().statusCode(200)
                .body("action", hasItems("letter.created", "signature.approved"));
        given().auth().oauth2(vetterToken).get("/api/admin/signatures/" + s.id()).then().statusCode(200)
                .body("history.action", hasItems("signature.confirmed", "signature.approved"));
        admins.session(Role.EDITOR).browser().get("/admin/letters/" + id + "/audit").then().statusCode(200)
                .body(containsString("signature.approved")).body(containsString(editor));
    }

    @ParameterizedTest
    @ValueSource(strings = {"update audit_event set actor = 'someone else'", "delete from audit_event",
            "truncate audit_event"})
    void theDatabaseRefusesToChangeOrRemoveEntries(String sql) {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        long before = data.countRows("audit_event", "letter_id = ?1", letter.id);
        assertTrue(before > 0);
        Exception e = assertThrows(Exception.class, () -> data.execute(sql));
        assertTrue(rootMessage(e).contains("audit_event is append-only"), rootMessage(e));
        assertEquals(before, data.countRows("audit_event", "letter_id = ?1", letter.id));
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
