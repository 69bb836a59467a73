package org.undersigned.abuse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nobody can use sign-on or "email me my link" to flood someone else's mailbox. */
@QuarkusTest
class MailBombingTest {

    @Inject
    TestData data;

    @Inject
    AbuseConfig config;

    @Test
    void signingOnAgainAndAgainWithSomeoneElsesAddressSendsAtMostTheQuota() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String victim = TestData.uniqueEmail("victim");
        int quota = config.signerMail().perRecipient();
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < quota + 3; i++) {
            var r = SignOnForms.post(letter.slug, SignOnForms.organization("Spam Org " + i, victim));
            answers.add(r.statusCode() + " " + r.header("Location"));
        }
        assertEquals(Set.of("303 /letters/" + letter.slug + "/signed"), answers, "the answer never changes");
        List<OutboxEmail> emails = data.emailsTo(victim);
        assertEquals(quota, emails.size(), "email beyond the per-recipient quota is simply not sent");
        // The same address on another letter is still the same mailbox.
        Letter other = data.open(LetterOptions.organizationsOnly());
        SignOnForms.post(other.slug, SignOnForms.organization("Spam Org again", victim.toUpperCase()))
                .then().statusCode(303);
        assertEquals(quota, data.emailsTo(victim).size());
        // "Email me my link" counts against the same quota.
        given().contentType("application/x-www-form-urlencoded").formParam("email", victim)
                .post("/letters/" + letter.slug + "/link").then().statusCode(200);
        assertEquals(quota, data.emailsTo(victim).size());
    }

    @Test
    void aSignerWhoLostTheLinkStillGetsOneWithinTheQuota() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String signer = TestData.uniqueEmail("forgetful");
        SignOnForms.post(letter.slug, SignOnForms.organization("Real Org", signer)).then().statusCode(303);
        given().contentType("application/x-www-form-urlencoded").formParam("email", signer)
                .post("/letters/" + letter.slug + "/link").then().statusCode(200);
        List<OutboxEmail> emails = data.emailsTo(signer);
        assertEquals(2, emails.size());
        assertTrue(emails.get(1).bodyText.contains("/confirm/"));
    }

    @Test
    void theQuotaKnowsAddressesOnlyByAKeyedHash() {
        MailQuota quota = io.quarkus.arc.Arc.container().instance(MailQuota.class).get();
        String key = quota.recipientKey("Someone@Example.org");
        assertEquals(key, quota.recipientKey("someone@example.org"), "normalized first");
        assertFalse(key.contains("someone"));
        assertFalse(key.equals(org.undersigned.infra.Hashing.sha256Hex("someone@example.org")), "keyed, not a bare hash");
    }
}
