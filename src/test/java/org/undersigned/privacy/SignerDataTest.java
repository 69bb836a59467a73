package org.undersigned.privacy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through the self-service link a signer downloads everything stored about them, and erases it. */
@QuarkusTest
class SignerDataTest {

    @Inject
    TestData data;

    @Inject
    org.undersigned.support.Admins admins;

    /** The signer's copy shows what happened, not which staff member did it, nor notes they were not told. */
    @Test
    void theExportShowsNoStaffIdentityAndNoUntoldNote() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String quiet = TestData.uniqueEmail("quiet-reject");
        SignOnForms.post(letter.slug, SignOnForms.organization("Quietly Rejected Org", quiet)).then().statusCode(303);
        String quietManage = Mails.confirmByLink(data.emailsTo(quiet));
        String told = TestData.uniqueEmail("told-reject");
        SignOnForms.post(letter.slug, SignOnForms.organization("Told Rejected Org", told)).then().statusCode(303);
        String toldManage = Mails.confirmByLink(data.emailsTo(told));
        String vetter = admins.create(org.undersigned.account.Role.VETTER);
        String token = org.undersigned.support.Admins.tokenFor(vetter);

        given().auth().oauth2(token).contentType("application/json").accept("application/json")
                .body(Map.of("version", data.only(quiet).version(), "reason", "Internal: sock puppet of X", "notifySigner", false))
                .post("/api/admin/signatures/" + data.only(quiet).id() + "/reject").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").accept("application/json")
                .body(Map.of("version", data.only(told).version(), "reason", "Not an organization.", "notifySigner", true))
                .post("/api/admin/signatures/" + data.only(told).id() + "/reject").then().statusCode(200);

        String quietJson = given().get(quietManage + "/data.json").then().statusCode(200).extract().asString();
        assertTrue(!quietJson.contains(vetter) && !quietJson.contains("Test vetter"), quietJson);
        assertTrue(!quietJson.contains("sock puppet"), "a note the signer was not told stays internal: " + quietJson);
        JsonPath q = JsonPath.from(quietJson);
        assertEquals("REJECTED", q.getString("entry.state"));
        assertNull(q.getString("entry.decisionNote"));
        assertTrue(q.getList("history.by", String.class).contains("the coalition's team"));

        String toldJson = given().get(toldManage + "/data.json").then().statusCode(200).extract().asString();
        assertTrue(!toldJson.contains(vetter), toldJson);
        assertEquals("Not an organization.", JsonPath.from(toldJson).getString("entry.decisionNote"),
                "a reason the signer was emailed is theirs to see");
    }

    @Test
    void aSignerDownloadsTheirDataThenErasesTheirEntry() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("mine");
        Map<String, String> form = SignOnForms.organization("Erasable Tenants Union", email);
        form.put("phone", "+1 510 555 0199");
        form.put("formStamp", SignOnForms.stamp(letter.slug));
        given().header("X-Forwarded-For", "198.51.100.99").config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        String manage = Mails.confirmByLink(data.emailsTo(email));
        data.approve(email);
        given().get("/letters/" + letter.slug).then().body(containsString("Erasable Tenants Union"));

        given().accept("text/html").get(manage).then().statusCode(200)
                .body(containsString(manage + "/data.json")).body(containsString(manage + "/erase"));
        JsonPath json = given().get(manage + "/data.json").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", containsString("no-store"))
                .extract().jsonPath();
        assertEquals(email, json.getString("entry.email"));
        assertEquals("+1 510 555 0199", json.getString("entry.phone"));
        assertEquals("Ana Contact", json.getString("entry.contactName"));
        assertEquals("198.51.100.99", json.getString("entry.clientAddress"));
        assertEquals("APPROVED", json.getString("entry.state"));
        assertTrue(json.getList("emails.subject", String.class).stream().anyMatch(s -> s.startsWith("Please confirm")));
        assertTrue(json.getList("history.action", String.class).contains("signature.confirmed"));

        // Erasing needs the box ticked; without it nothing changes.
        given().config(SignOnForms.LIKE_A_BROWSER).accept("text/html").contentType("application/x-www-form-urlencoded")
                .post(manage + "/erase").then().statusCode(400).body(containsString("Tick the box"));
        assertEquals(SignatureState.APPROVED, data.only(email).state());

        long id = data.only(email).id();
        given().config(SignOnForms.LIKE_A_BROWSER).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("confirm", "yes").post(manage + "/erase")
                .then().statusCode(200).body(containsString("Your entry is erased"));

        Signature s = data.signatures(letter.id).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertEquals(SignatureState.WITHDRAWN, s.state());
        assertEquals("", s.displayName());
        assertNull(s.email());
        assertNull(s.phone());
        assertNull(s.contactName());
        assertNull(s.website());
        assertNull(s.clientIp());
        assertEquals(0, data.countRows("outbox_email", "signature_id = ?1", id), "the emails about it are deleted");
        assertEquals(0, data.countRows("outbox_email", "lower(recipient) = lower(?1)", email));
        assertEquals(0, data.countRows("audit_event", "signature_id = ?1 and (before is not null or after is not null)", id),
                "the history keeps what happened, not the values");
        assertEquals(1, data.countRows("audit_event", "signature_id = ?1 and action = 'signature.erased'", id));
        given().get("/letters/" + letter.slug).then().body(not(containsString("Erasable Tenants Union")));
        given().get(manage + "/data.json").then().statusCode(404);

        // Redaction is the one change the audit trail allows: anything else is still refused.
        assertThrows(Exception.class, () -> data.execute("update audit_event set action = 'x' where signature_id = ?1", id));
        assertThrows(Exception.class, () -> data.execute("delete from audit_event where signature_id = ?1", id));
    }
}
