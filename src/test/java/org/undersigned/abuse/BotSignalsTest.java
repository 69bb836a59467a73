package org.undersigned.abuse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts that look automated get the same answer as anyone's, are flagged and never published
 * without a vetter; throwaway addresses are flagged for vetters.
 */
@QuarkusTest
class BotSignalsTest {

    private static final Pattern STAMP = Pattern.compile("name=\"formStamp\" value=\"([^\"]+)\"");

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    FormStamps stamps;

    @Test
    void aFilledHoneypotLooksAcceptedButIsFlaggedAndEmailsNobody() {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        String email = TestData.uniqueEmail("honeypot");
        Map<String, String> form = SignOnForms.individual("Bot McBotface", email);
        form.put("referenceCode", "http://spam.example");
        SignOnForms.post(letter.slug, form).then().statusCode(303)
                .header("Location", endsWith("/letters/" + letter.slug + "/signed"));
        Signature s = data.only(email);
        assertEquals(BotSignal.HONEYPOT, s.botSignal());
        assertEquals(SignatureState.UNCONFIRMED, s.state());
        assertTrue(data.emailsTo(email).isEmpty(), "no email on a bot's behalf: the address may be someone else's");
    }

    @Test
    void postsWithoutOurFormOrTooFastAreFlaggedAndNeverAutoApproved() {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        String noStamp = TestData.uniqueEmail("nostamp");
        SignOnForms.postExactly(letter.slug, SignOnForms.individual("No Stamp", noStamp)).then().statusCode(303);
        String tooFast = TestData.uniqueEmail("toofast");
        Map<String, String> fast = SignOnForms.individual("Too Fast", tooFast);
        fast.put("formStamp", stamps.issue(Instant.now()));
        SignOnForms.postExactly(letter.slug, fast).then().statusCode(303);
        String person = TestData.uniqueEmail("person");
        SignOnForms.post(letter.slug, SignOnForms.individual("Real Person", person)).then().statusCode(303);

        assertEquals(BotSignal.NO_FORM_TOKEN, data.only(noStamp).botSignal());
        assertEquals(BotSignal.TOO_FAST, data.only(tooFast).botSignal());
        assertNull(data.only(person).botSignal());
        for (String email : new String[]{noStamp, tooFast, person}) {
            assertFalse(data.emailsTo(email).isEmpty(), "a possible person still gets the confirmation email");
            Mails.confirmByLink(data.emailsTo(email));
        }
        assertEquals(SignatureState.PENDING_REVIEW, data.only(noStamp).state(), "flagged entries meet a vetter");
        assertEquals(SignatureState.PENDING_REVIEW, data.only(tooFast).state());
        assertEquals(SignatureState.APPROVED, data.only(person).state(), "the letter approves people on confirmation");

        admins.session(Role.ADMIN).browser().get("/admin/letters/" + letter.id + "/queue?flag=suspected-bot")
                .then().statusCode(200)
                .body(containsString("No Stamp")).body(containsString("Too Fast"))
                .body(containsString("looked automated"))
                .body(org.hamcrest.Matchers.not(containsString("Real Person")));
    }

    @Test
    void everyResponseOfACachedLetterPageCarriesAFreshValidStamp() throws InterruptedException {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        var first = given().accept("text/html").get("/letters/" + letter.slug);
        Thread.sleep(1100);
        var second = given().accept("text/html").get("/letters/" + letter.slug);
        assertEquals(first.header("ETag"), second.header("ETag"), "the same cached page");
        String a = stampIn(first.asString());
        String b = stampIn(second.asString());
        assertNotEquals(a, b, "but each response is stamped when it is served");
        assertTrue(stamps.verify(a).isPresent() && stamps.verify(b).isPresent());
        assertFalse(second.asString().contains(FormStamps.PLACEHOLDER));
    }

    @Test
    void throwawayAddressesAreFlaggedForVetters() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String throwaway = "someone-" + TestData.uniqueSlug("d") + "@mailinator.com";
        String subdomain = "someone-" + TestData.uniqueSlug("d") + "@x.guerrillamail.com";
        String normal = TestData.uniqueEmail("normal");
        SignOnForms.post(letter.slug, SignOnForms.organization("Throwaway Org", throwaway)).then().statusCode(303);
        SignOnForms.post(letter.slug, SignOnForms.organization("Subdomain Org", subdomain)).then().statusCode(303);
        SignOnForms.post(letter.slug, SignOnForms.organization("Normal Org", normal)).then().statusCode(303);
        assertTrue(data.only(throwaway).disposableEmail());
        assertTrue(data.only(subdomain).disposableEmail());
        assertFalse(data.only(normal).disposableEmail());
        data.confirm(throwaway);
        admins.session(Role.ADMIN).browser().get("/admin/letters/" + letter.id + "/queue")
                .then().statusCode(200).body(containsString("throwaway address"));
    }

    private static String stampIn(String html) {
        Matcher m = STAMP.matcher(html);
        assertTrue(m.find(), "the form carries a stamp");
        return m.group(1);
    }

    /** The JSON sign-on runs the form's checks: an anonymous script gets nothing the form would deny it. */
    @Test
    void theJsonSignOnCarriesTheSameSignalsAndIsNeverAutoApprovedWithoutThem() {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        String script = TestData.uniqueEmail("api-script");
        given().contentType("application/json").accept("application/json")
                .body(Map.of("kind", "INDIVIDUAL", "name", "Api Script", "city", "Oakland", "email", script,
                        "consentPublic", true))
                .post("/api/letters/" + letter.slug + "/signatures").then().statusCode(202);
        String honey = TestData.uniqueEmail("api-honey");
        given().contentType("application/json").accept("application/json")
                .body(Map.of("kind", "INDIVIDUAL", "name", "Api Honey", "city", "Oakland", "email", honey,
                        "consentPublic", true, "formStamp", SignOnForms.stamp(letter.slug), "referenceCode", "x"))
                .post("/api/letters/" + letter.slug + "/signatures").then().statusCode(202);
        // A client that shows its form, fetches a stamp with it and sends it back like the form does.
        String stamp = given().accept("application/json").get("/api/letters/" + letter.slug + "/signatures/stamp")
                .then().statusCode(200).extract().path("formStamp");
        assertTrue(stamps.verify(stamp).isPresent());
        String app = TestData.uniqueEmail("api-app");
        given().contentType("application/json").accept("application/json")
                .body(Map.of("kind", "INDIVIDUAL", "name", "Api App", "city", "Oakland", "email", app,
                        "consentPublic", true, "formStamp", SignOnForms.stamp(letter.slug)))
                .post("/api/letters/" + letter.slug + "/signatures").then().statusCode(202);

        assertEquals(BotSignal.NO_FORM_TOKEN, data.only(script).botSignal());
        assertEquals(BotSignal.HONEYPOT, data.only(honey).botSignal());
        assertTrue(data.emailsTo(honey).isEmpty());
        assertNull(data.only(app).botSignal());
        Mails.confirmByLink(data.emailsTo(script));
        Mails.confirmByLink(data.emailsTo(app));
        assertEquals(SignatureState.PENDING_REVIEW, data.only(script).state(), "an anonymous script meets a vetter");
        assertEquals(SignatureState.APPROVED, data.only(app).state());
    }
}
