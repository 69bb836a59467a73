package org.undersigned.signing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DuplicateSignOnTest {

    @Inject
    TestData data;

    @Inject
    org.undersigned.abuse.AbuseConfig config;

    @Test
    void signingTwiceCreatesOneEntryRevealsNothingAndMailsTheOwner() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("twice");
        var first = SignOnForms.post(letter.slug, SignOnForms.organization("Free Press", email));
        String confirmPath = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        given().redirects().follow(false).post(confirmPath).then().statusCode(303);

        // Same mailbox written differently, same organization written differently.
        var second = SignOnForms.post(letter.slug, SignOnForms.organization("The Free Press, Inc.", email.toUpperCase()));

        assertEquals(first.statusCode(), second.statusCode(), "the answer on screen is the same");
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(1, data.signaturesByEmail(email).size(), "no second entry");

        List<OutboxEmail> emails = data.emailsTo(email);
        assertEquals(2, emails.size());
        OutboxEmail note = emails.get(1);
        assertTrue(note.subject.startsWith("You have already signed"), note.subject);
        String managePath = Mails.linkPath(note.bodyText, "/manage/");
        given().accept("text/html").get(managePath).then().statusCode(200)
                .body(containsString("Free Press"))
                .body(containsString("Waiting for review"));
    }

    @Test
    void signingAgainBeforeConfirmingSendsAFreshConfirmationLink() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("unconfirmed");
        SignOnForms.post(letter.slug, SignOnForms.organization("Jobs With Justice", email)).then().statusCode(303);
        String oldLink = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        SignOnForms.post(letter.slug, SignOnForms.organization("Jobs With Justice", email)).then().statusCode(303);
        String newLink = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");

        assertEquals(1, data.signaturesByEmail(email).size());
        given().accept("text/html").get(oldLink).then().body(containsString("We can&#39;t find this link"));
        given().accept("text/html").get(newLink).then().body(containsString("Confirm your signature"));
    }

    @Test
    void theSameAddressMaySignForADifferentOrganization() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("coalition-staff");
        SignOnForms.post(letter.slug, SignOnForms.organization("Public Citizen", email)).then().statusCode(303);
        SignOnForms.post(letter.slug, SignOnForms.organization("Worth Rises", email)).then().statusCode(303);
        assertEquals(2, data.signaturesByEmail(email).size());
    }

    @Test
    void simultaneousIdenticalSubmissionsStillMakeOneEntry() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> SignOnForms.post(letter.slug, SignOnForms.organization("Encode Justice", email)).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(303, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, data.signaturesByEmail(email).size());
        // One link, then notes, up to the address's email quota (see MailBombingTest): no more.
        assertEquals(config.signerMail().perRecipient(), data.emailsTo(email).size());
    }
}
