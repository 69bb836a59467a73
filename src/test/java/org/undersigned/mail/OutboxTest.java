package org.undersigned.mail;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class OutboxTest {

    @Inject
    TestData data;

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
}
