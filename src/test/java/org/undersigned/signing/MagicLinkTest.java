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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Confirmation links work once and expire; self-service links expire; each failure offers a fresh link. */
@QuarkusTest
class MagicLinkTest {

    @Inject
    TestData data;

    @Test
    void anExpiredConfirmationLinkConfirmsNothingAndOffersAFreshOne() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("expired");
        SignOnForms.post(letter.slug, SignOnForms.organization("Secure Justice", email));
        String link = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        data.expireConfirmLink(email);

        given().accept("text/html").get(link).then().statusCode(200)
                .body(containsString("This link has expired"))
                .body(containsString("action=\"" + link + "/renew\""));
        given().redirects().follow(false).post(link).then().statusCode(303);
        assertEquals(SignatureState.UNCONFIRMED, data.only(email).state(), "an expired link confirms nothing");

        given().accept("text/html").post(link + "/renew").then().statusCode(200).body(containsString("Check your email"));
        String fresh = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        assertNotEquals(link, fresh);
        given().redirects().follow(false).post(fresh).then().statusCode(303);
        assertEquals(SignatureState.PENDING_REVIEW, data.only(email).state());
    }

    @Test
    void aConfirmationLinkWorksOnce() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("reuse");
        SignOnForms.post(letter.slug, SignOnForms.organization("Palestine Legal", email));
        String link = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        given().redirects().follow(false).post(link).then().statusCode(303);
        long version = data.only(email).version();

        given().accept("text/html").get(link).then().statusCode(200)
                .body(containsString("This link has already been used"))
                .body(containsString("Email me a fresh link"));
        given().redirects().follow(false).post(link).then().statusCode(303)
                .header("Location", containsString(link));
        assertEquals(version, data.only(email).version(), "using it again changes nothing");

        given().accept("text/html").post(link + "/renew").then().statusCode(200);
        String manage = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/manage/");
        given().accept("text/html").get(manage).then().statusCode(200).body(containsString("Palestine Legal"));
    }

    @Test
    void unknownLinksSayWhatToDo() {
        given().accept("text/html").get("/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then()
                .statusCode(200).body(containsString("We can&#39;t find this link"));
        given().accept("text/html").get("/manage/not-a-token").then()
                .statusCode(200).body(containsString("We can&#39;t find this link"));
        given().redirects().follow(false).post("/manage/not-a-token/withdraw").then().statusCode(404);
    }

    @Test
    void anExpiredSelfServiceLinkOffersAFreshOne() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("manage-expired");
        SignOnForms.post(letter.slug, SignOnForms.organization("Media Justice", email));
        String confirm = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/");
        String manage = given().redirects().follow(false).post(confirm).then().extract().header("Location");
        String managePath = manage.substring(manage.indexOf("/manage/"), manage.indexOf('?'));
        data.expireManageLink(email);

        given().accept("text/html").get(managePath).then().body(containsString("This link has expired"));
        given().redirects().follow(false).post(managePath + "/withdraw").then().statusCode(404);
        assertEquals(SignatureState.PENDING_REVIEW, data.only(email).state());

        given().accept("text/html").post(managePath + "/renew").then().statusCode(200);
        String fresh = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/manage/");
        given().accept("text/html").get(fresh).then().body(containsString("Withdraw your signature"));
    }

    @Test
    void aLostLinkCanBeRequestedWithoutRevealingWhoSigned() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String signer = TestData.uniqueEmail("lost");
        String stranger = TestData.uniqueEmail("stranger");
        SignOnForms.post(letter.slug, SignOnForms.organization("Access Now", signer));
        String asSigner = given().accept("text/html").formParam("email", signer)
                .post("/letters/" + letter.slug + "/link").then().statusCode(200).extract().asString();
        String asStranger = given().accept("text/html").formParam("email", stranger)
                .post("/letters/" + letter.slug + "/link").then().statusCode(200).extract().asString();
        assertEquals(asSigner, asStranger, "the page is identical either way");
        assertEquals(2, data.emailsTo(signer).size(), "the signer got a fresh link");
        assertEquals(0, data.emailsTo(stranger).size());
    }
}
