package org.undersigned.vetting;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VettingTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void theQueueShowsWhatAVetterNeedsOldestFirst() {
        Letter letter = data.open(LetterOptions.everyone());
        String first = signConfirmed(letter, "Fight for the Future", "team@fightforthefuture.org", "fightforthefuture.org");
        String second = signConfirmed(letter, "Palestine Legal", TestData.uniqueEmail("pl"), "palestinelegal.org");
        String page = admins.session(Role.VETTER).browser().get("/admin/letters/" + letter.id + "/queue")
                .then().statusCode(200).extract().asString();
        assertTrue(page.indexOf("Fight for the Future") < page.indexOf("Palestine Legal"), "oldest first");
        assertTrue(page.contains("<bdi>Ana Contact</bdi>, <bdi>Director</bdi>"), "contact's name and title");
        assertTrue(page.contains("@fightforthefuture.org") && page.contains("matches website"));
        assertTrue(page.contains("@example.org") && page.contains("differs from website"));
        assertTrue(page.contains("text v1"));
        assertTrue(page.contains("Waiting for review: 2") || page.contains("Pending review: 2"), "counts per state");

        admins.api(Role.VETTER).queryParam("flag", "domain-mismatch").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().statusCode(200).body("rows.name", equalTo(List.of("Palestine Legal")))
                .body("counts.PENDING_REVIEW", equalTo(2));
        admins.api(Role.VETTER).queryParam("q", "FIGHT").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().body("rows", hasSize(1)).body("rows[0].emailDomain", equalTo("fightforthefuture.org"));
        admins.api(Role.VETTER).queryParam("kind", "INDIVIDUAL").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().body("rows", hasSize(0));
        assertEquals(2, data.signatures(letter.id).size());
        assertTrue(first.length() > 0 && second.length() > 0);
    }

    @Test
    void possibleDuplicatesAreFoundByNameWebsiteAndEmail() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String original = signConfirmed(letter, "The American Civil Liberties Union, Inc.", TestData.uniqueEmail("a"), "aclu.org");
        String sameName = signConfirmed(letter, "american civil liberties union", TestData.uniqueEmail("b"), "other.example");
        String sameSite = signConfirmed(letter, "ACLU of Somewhere", TestData.uniqueEmail("c"), "www.aclu.org/somewhere");
        String sameEmail = signConfirmed(letter, "A Different Group", emailOf(original).replace("@", "+x@"), "different.example");
        String unrelated = signConfirmed(letter, "Worth Rises", TestData.uniqueEmail("d"), "facebook.com/worthrises");
        String alsoFacebook = signConfirmed(letter, "Media Alliance", TestData.uniqueEmail("e"), "facebook.com/mediaalliance");

        var rows = admins.api(Role.VETTER).get("/api/admin/letters/" + letter.id + "/signatures")
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> reasons = new java.util.HashMap<>();
        for (int i = 0; i < rows.getList("rows").size(); i++) {
            List<String> all = new java.util.ArrayList<>();
            rows.getList("rows[" + i + "].duplicates.reasons", List.class).forEach(all::addAll);
            reasons.put(rows.getString("rows[" + i + "].name"), all);
        }
        assertTrue(reasons.get("american civil liberties union").contains("same name"), reasons.toString());
        assertTrue(reasons.get("ACLU of Somewhere").contains("same website"), reasons.toString());
        assertTrue(reasons.get("A Different Group").contains("same email"), reasons.toString());
        assertTrue(reasons.get("The American Civil Liberties Union, Inc.").containsAll(List.of("same name", "same website", "same email")));
        assertTrue(reasons.get("Worth Rises").isEmpty(), "a shared host like facebook.com is not a match: " + reasons);
        assertTrue(reasons.get("Media Alliance").isEmpty());
        admins.api(Role.VETTER).queryParam("flag", "possible-duplicate").get("/api/admin/letters/" + letter.id + "/signatures")
                .then().body("total", equalTo(4));
        assertTrue(sameName.length() + sameSite.length() + sameEmail.length() + unrelated.length() + alsoFacebook.length() > 0);
    }

    @Test
    void approvingPublishesTheEntryAndEmailsTheSignerTheirLink() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = signConfirmed(letter, "Jobs With Justice", TestData.uniqueEmail("jwj"), "jwj.org");
        Signature s = data.only(email);
        Admins.Session vetter = admins.session(Role.VETTER);
        vetter.post("/admin/signatures/" + s.id() + "/approve", Map.of("version", s.version(), "return", "?state=PENDING_REVIEW"))
                .then().statusCode(303).header("Location", containsString("/admin/letters/" + letter.id + "/queue?state=PENDING_REVIEW&done=approved"));
        assertEquals(SignatureState.APPROVED, data.only(email).state());
        OutboxEmail mail = Mails.last(data.emailsTo(email));
        assertTrue(mail.subject.startsWith("Your signature is on the letter"), mail.subject);
        given().accept("text/html").get(Mails.linkPath(mail.bodyText, "/manage/")).then().statusCode(200)
                .body(containsString("Approved and shown on the letter"));
        given().accept("text/html").get("/letters/" + letter.slug).then().body(containsString("Jobs With Justice"));
    }

    @Test
    void rejectingKeepsTheEntryOffTheLetterAndCanEmailTheReason() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = signConfirmed(letter, "Amazon Fan Club", TestData.uniqueEmail("fan"), "amazon.example");
        Signature s = data.only(email);
        admins.api(Role.VETTER).body(Map.of("version", s.version(), "reason", "This is not a real organization.", "notifySigner", true))
                .post("/api/admin/signatures/" + s.id() + "/reject").then().statusCode(200).body("state", equalTo("REJECTED"));
        Signature rejected = data.only(email);
        assertEquals("This is not a real organization.", rejected.decisionNote());
        OutboxEmail mail = Mails.last(data.emailsTo(email));
        assertTrue(mail.bodyText.contains("This is not a real organization."));
        given().get("/letters/" + letter.slug).then().body(not(containsString("Amazon Fan Club")));

        Signature quiet = data.only(signConfirmed(letter, "Quiet Reject", TestData.uniqueEmail("q"), "quiet.example"));
        int before = data.emailsTo(quiet.email()).size();
        admins.api(Role.VETTER).body(Map.of("version", quiet.version(), "notifySigner", false))
                .post("/api/admin/signatures/" + quiet.id() + "/reject").then().statusCode(200);
        assertEquals(before, data.emailsTo(quiet.email()).size(), "no email unless asked");
    }

    @Test
    void anEntryCanBeMarkedAsADuplicateAndPutBack() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Signature original = data.only(signConfirmed(letter, "Color of Change", TestData.uniqueEmail("coc"), "colorofchange.org"));
        Signature copy = data.only(signConfirmed(letter, "ColorOfChange", TestData.uniqueEmail("coc2"), "colorofchange.org"));
        admins.api(Role.ADMIN).body(Map.of("version", copy.version(), "original", original.id()))
                .post("/api/admin/signatures/" + copy.id() + "/duplicate").then().statusCode(200).body("state", equalTo("DUPLICATE"));
        Signature marked = data.only(copy.email());
        assertEquals(original.id(), marked.duplicateOf());
        admins.api(Role.ADMIN).body(Map.of("version", marked.version()))
                .post("/api/admin/signatures/" + copy.id() + "/reopen").then().statusCode(200).body("state", equalTo("PENDING_REVIEW"));
        admins.api(Role.ADMIN).body(Map.of("version", data.only(copy.email()).version(), "original", copy.id()))
                .post("/api/admin/signatures/" + copy.id() + "/duplicate").then().statusCode(422);
    }

    @Test
    void manySelectedRowsAreApprovedAtOnceAndStaleOnesReported() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Signature a = data.only(signConfirmed(letter, "Org A", TestData.uniqueEmail("a"), "a.example"));
        Signature b = data.only(signConfirmed(letter, "Org B", TestData.uniqueEmail("b"), "b.example"));
        Signature c = data.only(signConfirmed(letter, "Org C", TestData.uniqueEmail("c"), "c.example"));
        // Someone else rejects C after our vetter loaded the queue.
        admins.api(Role.ADMIN).body(Map.of("version", c.version(), "notifySigner", false))
                .post("/api/admin/signatures/" + c.id() + "/reject").then().statusCode(200);

        Admins.Session vetter = admins.session(Role.VETTER);
        String location = vetter.browser().contentType("application/x-www-form-urlencoded")
                .formParam("csrf", vetter.csrf())
                .formParam("selected", a.id() + ":" + a.version(), b.id() + ":" + b.version(), c.id() + ":" + c.version())
                .post("/admin/letters/" + letter.id + "/queue/approve").then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("n=2") && location.contains("conflicts=" + c.id()), location);
        assertEquals(SignatureState.APPROVED, data.only(a.email()).state());
        assertEquals(SignatureState.APPROVED, data.only(b.email()).state());
        assertEquals(SignatureState.REJECTED, data.only(c.email()).state(), "not overwritten");
        vetter.browser().get(location.substring(location.indexOf("/admin"))).then()
                .body(containsString("2 approved.")).body(containsString("someone else decided them first: #" + c.id()));
    }

    @Test
    void twoVettersDecidingTheSameRowAtOnceOneWinsTheOtherIsTold() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Signature s = data.only(signConfirmed(letter, "Contested Org", TestData.uniqueEmail("race"), "race.example"));
        Admins.Session one = admins.session(Role.VETTER);
        Admins.Session two = Admins.signIn(admins.create(Role.VETTER));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var approve = pool.submit(() -> one.post("/admin/signatures/" + s.id() + "/approve", Map.of("version", s.version())));
            var reject = pool.submit(() -> two.post("/admin/signatures/" + s.id() + "/reject",
                    Map.of("version", s.version(), "reason", "no")));
            var r1 = approve.get();
            var r2 = reject.get();
            List<Integer> statuses = new java.util.ArrayList<>(List.of(r1.statusCode(), r2.statusCode()));
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(303, 409), statuses, "one decision wins, the other is refused");
            String loser = r1.statusCode() == 409 ? r1.asString() : r2.asString();
            assertTrue(loser.contains("Someone else decided"), loser);
        } finally {
            pool.shutdownNow();
        }
        SignatureState finalState = data.only(s.email()).state();
        assertTrue(finalState == SignatureState.APPROVED || finalState == SignatureState.REJECTED);
        assertEquals(1, data.countRows("audit_event", "signature_id = ?1 and action in ('signature.approved', 'signature.rejected')", s.id()),
                "exactly one decision recorded");
        // A late decision on the old version is a conflict too, through the API.
        admins.api(Role.VETTER).body(Map.of("version", s.version())).post("/api/admin/signatures/" + s.id() + "/approve")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/conflict"));
    }

    @Test
    void aLetterCanLimitVettingToNamedAccounts() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String named = admins.create(Role.VETTER);
        long namedId = admins.find(named).id;
        admins.api(Role.ADMIN).body(Map.of("editors", List.of(), "vetters", List.of(namedId)))
                .put("/api/admin/letters/" + letter.id + "/access").then().statusCode(200)
                .body("vetters", hasItem((int) namedId));
        Signature s = data.only(signConfirmed(letter, "Named Only", TestData.uniqueEmail("n"), "n.example"));
        admins.api(Role.VETTER).get("/api/admin/letters/" + letter.id + "/signatures").then().statusCode(403)
                .body("title", equalTo("Not allowed on this letter"));
        given().auth().oauth2(Admins.tokenFor(named)).contentType("application/json").body(Map.of("version", s.version()))
                .post("/api/admin/signatures/" + s.id() + "/approve").then().statusCode(200);
        admins.api(Role.ADMIN).get("/api/admin/letters/" + letter.id + "/signatures").then().statusCode(200);
    }

    @Test
    void approvingEveryMatchingEntryRunsAsABackgroundJobWithProgress() throws InterruptedException {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String a = signConfirmed(letter, "Bulk Alpha Tenants", TestData.uniqueEmail("ba"), "alpha.example");
        String b = signConfirmed(letter, "Bulk Beta Tenants", TestData.uniqueEmail("bb"), "beta.example");
        String other = signConfirmed(letter, "Someone Else", TestData.uniqueEmail("se"), "else.example");
        int job = admins.api(Role.VETTER).body(Map.of("q", "tenants")).post("/api/admin/letters/" + letter.id + "/signatures/approve-matching")
                .then().statusCode(202).body("total", equalTo(2)).extract().path("job");
        java.time.Instant until = java.time.Instant.now().plusSeconds(30);
        String state;
        do {
            Thread.sleep(200);
            state = admins.api(Role.VETTER).get("/api/admin/letters/" + letter.id + "/signatures/jobs/" + job)
                    .then().statusCode(200).extract().path("state");
        } while (!"SUCCEEDED".equals(state) && java.time.Instant.now().isBefore(until));
        assertEquals("SUCCEEDED", state);
        admins.api(Role.VETTER).get("/api/admin/letters/" + letter.id + "/signatures/jobs/" + job)
                .then().body("done", equalTo(2)).body("total", equalTo(2));
        assertEquals(SignatureState.APPROVED, data.only(a).state());
        assertEquals(SignatureState.APPROVED, data.only(b).state());
        assertEquals(SignatureState.PENDING_REVIEW, data.only(other).state(), "not matching the filter");
        assertTrue(Mails.last(data.emailsTo(a)).subject.startsWith("Your signature is on the letter"));
        admins.session(Role.VETTER).browser().get("/admin/letters/" + letter.id + "/queue")
                .then().statusCode(200).body(containsString("Background job #" + job))
                .body(containsString("entries matching this filter"));
    }

    private String signConfirmed(Letter letter, String org, String email, String website) {
        Map<String, String> form = SignOnForms.organization(org, email);
        form.put("website", website);
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        data.confirm(email);
        return email;
    }

    private static String emailOf(String email) {
        return email;
    }
}
