package org.undersigned.signing;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.infra.Hashing;
import org.undersigned.letter.Letter;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignOnFlowTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Test
    void anOrganizationSignsConfirmsByEmailAndWaitsForReview() throws InterruptedException {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("flow");

        given().accept("text/html").get("/letters/" + letter.slug)
                .then().statusCode(200)
                .body(containsString("action=\"/letters/" + letter.slug + "/sign\""))
                .body(containsString("<label for=\"f-organizationName\">"));

        SignOnForms.post(letter.slug, SignOnForms.organization("Brooklyn Community Bail Fund", email))
                .then().statusCode(303)
                .header("Location", endsWith("/letters/" + letter.slug + "/signed"));

        given().accept("text/html").get("/letters/" + letter.slug + "/signed")
                .then().statusCode(200).body(containsString("Check your email"));

        Signature stored = data.only(email);
        assertEquals(SignatureState.UNCONFIRMED, stored.state());
        assertEquals(1, stored.letterVersion(), "records the text version it signed");
        assertEquals("https://example.org", stored.website());
        assertEquals("brooklyn community bail fund", stored.sortKey());

        // The email was queued in the same transaction, and the sender delivers it through the mailer.
        OutboxEmail queued = Mails.last(data.emailsTo(email));
        String confirmPath = Mails.linkPath(queued.bodyText, "/confirm/");
        String rawToken = confirmPath.substring("/confirm/".length());
        assertEquals(Hashing.sha256Hex(rawToken), stored.confirmTokenHash(), "only the token's hash is stored");
        assertFalse(stored.confirmTokenHash().contains(rawToken));
        List<Mail> delivered = awaitMail(email);
        assertTrue(delivered.get(0).getText().contains(confirmPath));
        assertTrue(delivered.get(0).getSubject().contains(letter.title));

        // Opening the link changes nothing: mail scanners follow links.
        given().accept("text/html").get(confirmPath)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("Confirm your signature"))
                .body(containsString("Brooklyn Community Bail Fund"));
        assertEquals(SignatureState.UNCONFIRMED, data.only(email).state());

        String managePath = given().redirects().follow(false).accept("text/html").post(confirmPath)
                .then().statusCode(303).extract().header("Location");
        assertTrue(managePath.contains("/manage/") && managePath.endsWith("?confirmed=1"), managePath);

        Signature confirmed = data.only(email);
        assertEquals(SignatureState.PENDING_REVIEW, confirmed.state());
        assertNotNull(confirmed.confirmedAt());
        assertNotNull(confirmed.manageTokenHash());

        given().accept("text/html").get(managePath)
                .then().statusCode(200)
                .body(containsString("your signature is confirmed"))
                .body(containsString("Waiting for review"));

        // Not public until a vetter approves it.
        given().accept("text/html").get("/letters/" + letter.slug)
                .then().body(not(containsString("Brooklyn Community Bail Fund")))
                .body(containsString("No signatures yet"));
    }

    @Test
    void individualsAreApprovedOnConfirmationWhereTheLetterSaysSo() {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        String email = TestData.uniqueEmail("person");
        SignOnForms.post(letter.slug, SignOnForms.individual("Dr. Joy Example", email)).then().statusCode(303);

        String confirmPath = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        given().redirects().follow(false).post(confirmPath).then().statusCode(303);

        assertEquals(SignatureState.APPROVED, data.only(email).state());
        given().accept("text/html").get("/letters/" + letter.slug)
                .then().statusCode(200)
                .body(containsString("Dr. Joy Example"))
                .body(containsString("Professor of Law, State University"))
                .body(containsString("affiliation for identification only"))
                .body(containsString("Signed by 1 individual"));
    }

    @Test
    void theApiAcceptsTheSameSignOnAsJson() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("api");
        given().contentType("application/json")
                .body("""
                        {"kind":"ORGANIZATION","organizationName":"Media Alliance","city":"Oakland","country":"US",
                         "orgType":"MEDIA_TECH","contactName":"Sam","contactTitle":"Director","email":"%s",
                         "consentPublic":true}""".formatted(email))
                .post("/api/letters/" + letter.slug + "/signatures")
                .then().statusCode(202)
                .contentType("application/json")
                .body(containsString("confirmation-sent"));
        Signature s = data.only(email);
        assertEquals("Media Alliance", s.displayName());
        assertEquals(OrgType.MEDIA_TECH, s.orgType());
        assertNull(s.phone());
        assertTrue(s.confirmExpiresAt().isAfter(Instant.now().plus(Duration.ofHours(47))));
    }

    private List<Mail> awaitMail(String email) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Mail> mails = mailbox.getMailsSentTo(email);
            if (!mails.isEmpty()) {
                return mails;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox sender did not deliver the email to " + email + " within 10 s");
    }
}
