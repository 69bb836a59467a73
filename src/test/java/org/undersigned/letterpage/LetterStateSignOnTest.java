package org.undersigned.letterpage;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.letter.LetterState;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only OPEN letters before their deadline take signatures; drafts are not public at all. */
@QuarkusTest
class LetterStateSignOnTest {

    @Inject
    TestData data;

    @Inject
    LetterService letters;

    @Test
    void aDraftDoesNotExistForThePublic() {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        given().accept("text/html").get("/letters/" + draft.slug).then().statusCode(404)
                .body(containsString("Page not found"));
        given().get("/api/letters/" + draft.slug).then().statusCode(404).contentType("application/problem+json");
        String email = TestData.uniqueEmail("draft");
        SignOnForms.post(draft.slug, SignOnForms.organization("Too Early", email)).then().statusCode(404);
        assertEquals(0, data.countRows("signature", "email = ?1", email));
        given().accept("text/html").get("/").then().body(not(containsString(draft.title)));
    }

    @Test
    void aClosedLetterExplainsItselfToBrowsersAndAnswers409ToPrograms() {
        Letter closed = data.closed(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("closed");
        given().accept("text/html").get("/letters/" + closed.slug).then().statusCode(200)
                .body(containsString("Sign-on closed"))
                .body(not(containsString("action=\"/letters/" + closed.slug + "/sign\"")));
        SignOnForms.post(closed.slug, SignOnForms.organization("Too Late", email)).then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("This letter is not collecting signatures"))
                .body(containsString("Thank you for your support"));
        given().contentType("application/json")
                .body("{\"kind\":\"ORGANIZATION\",\"organizationName\":\"Too Late\",\"email\":\"" + email + "\"}")
                .post("/api/letters/" + closed.slug + "/signatures")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/letter-not-open"))
                .body("status", equalTo(409));
        assertEquals(0, data.countRows("signature", "email = ?1", email));
    }

    @Test
    void theRefusalIsInTheSignersLanguage() {
        Letter closed = data.closed(LetterOptions.organizationsOnly());
        java.util.Map<String, String> form = new java.util.HashMap<>(
                SignOnForms.organization("Demasiado tarde", TestData.uniqueEmail("closed-es")));
        form.put("lang", "es");
        SignOnForms.post(closed.slug, form).then().statusCode(409)
                .body(containsString("Esta carta no recoge firmas"))
                .body(containsString("se ha cerrado. Gracias por su apoyo."));
    }

    @Test
    void aDeliveredLetterStaysReadableButTakesNoSignatures() {
        Letter letter = data.closed(LetterOptions.organizationsOnly());
        data.deliver(letter.id, "Amazon");
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("Delivered to Amazon"));
        SignOnForms.post(letter.slug, SignOnForms.organization("Too Late", TestData.uniqueEmail("delivered")))
                .then().statusCode(409).body(containsString("has been delivered"));
    }

    @Test
    void theDeadlineStopsSignOnAtOnceAndTheJobClosesTheLetter() {
        Letter letter = data.open(LetterOptions.organizationsOnly().withDeadline(Instant.now().plus(1, ChronoUnit.DAYS)));
        Letter other = data.open(LetterOptions.organizationsOnly());
        SignOnForms.post(letter.slug, SignOnForms.organization("In Time", TestData.uniqueEmail("in-time")))
                .then().statusCode(303);

        data.setDeadline(letter.id, Instant.now().minusSeconds(1));
        String late = TestData.uniqueEmail("late");
        SignOnForms.post(letter.slug, SignOnForms.organization("Too Late", late)).then().statusCode(409)
                .body(containsString("the deadline was"));
        assertEquals(0, data.countRows("signature", "email = ?1", late));
        assertEquals(LetterState.OPEN, data.letter(letter.id).state(), "refused even before the job runs");

        List<String> closed = letters.closeExpired();
        assertTrue(closed.contains(letter.slug), closed.toString());
        assertTrue(!closed.contains(other.slug), "a letter without deadline stays open");
        assertEquals(LetterState.CLOSED, data.letter(letter.id).state());
        assertEquals(LetterState.OPEN, data.letter(other.id).state());
        given().accept("text/html").get("/letters/" + letter.slug).then().body(containsString("Sign-on closed"));
    }
}
