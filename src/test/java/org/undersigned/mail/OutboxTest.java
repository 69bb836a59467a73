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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;

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
        // attempts so far → wait before the next one (first retry 10 s, doubling, at most an hour)
        long[][] cases = {{0, 10}, {1, 20}, {3, 80}, {29, 3600}};
        for (long[] c : cases) {
            long id = ((Number) data.single("""
                    insert into outbox_email (id, priority, kind, recipient, subject, body_text, created_at, next_attempt_at,
                        attempts, state)
                    values (nextval('outbox_email_seq'), 1, 'test.backoff', 'backoff@example.org', 'Backoff', 'Body', now(),
                        now() + interval '1 day', ?1, 'QUEUED') returning id""", (int) c[0])).longValue();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            claims.record(List.of(new SendResult(id, SendResult.Outcome.RETRY, at, "450 4.3.0")));
            Instant next = ((java.sql.Timestamp) data.single("select next_attempt_at from outbox_email where id = ?1", id)).toInstant();
            assertEquals(Duration.ofSeconds(c[1]), Duration.between(at, next), "after " + c[0] + " attempts");
        }
    }
}
