package org.undersigned.signing;

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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SelfServiceTest {

    @Inject
    TestData data;

    @Test
    void aWithdrawnSignatureLeavesThePublicListAtOnce() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("withdraw");
        String manage = signAndConfirm(letter, "Stand Up Nashville", email);
        data.approve(email);
        given().accept("text/html").get("/letters/" + letter.slug).then()
                .body(containsString("Stand Up Nashville")).body(containsString("Signed by 1 organization"));

        given().redirects().follow(false).post(manage + "/withdraw").then().statusCode(303);

        assertEquals(SignatureState.WITHDRAWN, data.only(email).state());
        given().accept("text/html").get("/letters/" + letter.slug).then()
                .body(not(containsString("Stand Up Nashville"))).body(containsString("No signatures yet"));
        given().get("/api/letters/" + letter.slug + "/signatories").then()
                .body(not(containsString("Stand Up Nashville")));
        given().accept("text/html").get(manage).then().body(containsString("Withdrawn"))
                .body(not(containsString("Withdraw my signature")));

        // Having withdrawn, the organization may sign again while the letter is open.
        SignOnForms.post(letter.slug, SignOnForms.organization("Stand Up Nashville", email)).then().statusCode(303);
        assertEquals(2, data.signaturesByEmail(email).size());
    }

    @Test
    void correctingAnApprovedNameSendsItBackToReview() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("correct");
        String manage = signAndConfirm(letter, "Detroit Comunity Tech Project", email);
        data.approve(email);

        given().redirects().follow(false)
                .formParam("displayName", "Detroit Community Technology Project")
                .formParam("website", "detroitcommunitytech.org")
                .formParam("city", "Detroit").formParam("region", "MI").formParam("country", "US")
                .post(manage).then().statusCode(303);

        Signature s = data.only(email);
        assertEquals("Detroit Community Technology Project", s.displayName());
        assertEquals("https://detroitcommunitytech.org", s.website());
        assertEquals(SignatureState.PENDING_REVIEW, s.state());
        given().accept("text/html").get("/letters/" + letter.slug).then().body(not(containsString("Detroit")));
    }

    @Test
    void correctingOnlyThePlaceKeepsTheApproval() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("place");
        String manage = signAndConfirm(letter, "Media Alliance", email);
        data.approve(email);
        given().redirects().follow(false)
                .formParam("displayName", "Media Alliance").formParam("website", "example.org")
                .formParam("city", "Oakland").formParam("region", "California").formParam("country", "US")
                .post(manage).then().statusCode(303);
        assertEquals(SignatureState.APPROVED, data.only(email).state());
        given().accept("text/html").get("/letters/" + letter.slug).then()
                .body(containsString("Oakland, California, United States"));
    }

    @Test
    void anInvalidCorrectionComesBackWithItsMessage() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("badfix");
        String manage = signAndConfirm(letter, "Color of Change", email);
        given().formParam("displayName", "").formParam("city", "Oakland").formParam("country", "US")
                .accept("text/html").post(manage).then().statusCode(400)
                .body(containsString("Enter the name to show on the letter."));
        assertEquals("Color of Change", data.only(email).displayName());
    }

    private String signAndConfirm(Letter letter, String org, String email) {
        SignOnForms.post(letter.slug, SignOnForms.organization(org, email)).then().statusCode(303);
        String confirm = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        String location = given().redirects().follow(false).post(confirm).then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("/manage/"), location.indexOf('?'));
    }
}
