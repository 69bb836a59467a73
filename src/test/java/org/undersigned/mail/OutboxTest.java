package org.undersigned.mail;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OutboxTest {

    @Inject
    TestData data;

    @Inject
    OutboxClaims claims;

    @Test
    void theDevMailboxListsQueuedMailWithClickableLinks() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("devmail");
        SignOnForms.post(letter.slug, SignOnForms.organization("Dev Mail Org", email)).then().statusCode(303);
        String link = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        given().accept("text/html").get("/dev/mail").then().statusCode(200)
                .body(containsString(email))
                .body(containsString("<a href=\"http://localhost:" + io.restassured.RestAssured.port + link + "\">"));
    }

    @Test
    void failuresBackOffExponentiallyUpToALimit() {
        assertEquals(Duration.ofSeconds(10), claims.backoff(1));
        assertEquals(Duration.ofSeconds(20), claims.backoff(2));
        assertEquals(Duration.ofSeconds(80), claims.backoff(4));
        assertEquals(Duration.ofHours(1), claims.backoff(30));
    }
}
