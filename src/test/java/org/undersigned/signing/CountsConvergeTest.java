package org.undersigned.signing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After a burst of simultaneous sign-ons, confirmations (approved without review) and vetter
 * approvals, the public counts reach the exact numbers within a couple of seconds, and the
 * stored tally equals a recount of the signatures.
 */
@QuarkusTest
class CountsConvergeTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Test
    void countsConvergeToTheExactNumbers() throws Exception {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        int people = 60;
        int orgs = 30;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> signOns = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String email = "burst-person-" + i + "-" + letter.slug + "@example.org";
                signOns.add(() -> {
                    SignOnForms.post(letter.slug, SignOnForms.individual("Burst Person " + email.hashCode(), email));
                    String link = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
                    return given().redirects().follow(false).post(link).statusCode();
                });
            }
            for (int i = 0; i < orgs; i++) {
                String email = "burst-org-" + i + "-" + letter.slug + "@example.org";
                int n = i;
                signOns.add(() -> {
                    SignOnForms.post(letter.slug, SignOnForms.organization("Burst Org " + n, email));
                    data.confirm(email);
                    Signature s = data.only(email);
                    return admins.api(Role.VETTER).body(Map.of("version", s.version()))
                            .post("/api/admin/signatures/" + s.id() + "/approve").statusCode();
                });
            }
            for (Future<Integer> f : pool.invokeAll(signOns)) {
                int status = f.get();
                assertEquals(true, status == 303 || status == 200, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }

        long deadline = System.currentTimeMillis() + 3000;
        Map<String, Object> counts = Map.of();
        while (System.currentTimeMillis() < deadline) {
            counts = given().get("/api/letters/" + letter.slug).then().statusCode(200).extract().path("counts");
            if (((Number) counts.get("organizations")).intValue() == orgs && ((Number) counts.get("individuals")).intValue() == people) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(orgs, ((Number) counts.get("organizations")).intValue(), "organizations converge");
        assertEquals(people, ((Number) counts.get("individuals")).intValue(), "individuals converge");
        assertEquals(orgs + people, data.countRows("signature", "letter_id = ?1 and state = 'APPROVED'", letter.id));
        assertEquals(1, data.countRows("letter_tally", "letter_id = ?1 and organizations = ?2 and individuals = ?3",
                letter.id, (long) orgs, (long) people), "the stored tally equals a recount");
        given().get("/letters/" + letter.slug).then()
                .body(org.hamcrest.Matchers.containsString("Signed by " + orgs + " organizations and " + people + " individuals"));
    }
}
