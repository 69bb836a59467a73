package org.undersigned.letterpage;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contact details given at sign-on never appear in anything the public can fetch. */
@QuarkusTest
class PrivacyTest {

    @Inject
    TestData data;

    @Test
    void contactDetailsNeverAppearInAPublicResponse() {
        Letter letter = data.open(LetterOptions.everyone());
        String orgEmail = "canary-org-" + TestData.uniqueEmail("x");
        String personEmail = "canary-person-" + TestData.uniqueEmail("y");
        Map<String, String> org = SignOnForms.organization("Canary Coalition", orgEmail);
        org.put("contactName", "Canaryname Contactperson");
        org.put("contactTitle", "Canarytitle Director");
        org.put("phone", "+1 555 867 5309");
        SignOnForms.post(letter.slug, org).then().statusCode(303);
        SignOnForms.post(letter.slug, SignOnForms.individual("Canary Individual", personEmail)).then().statusCode(303);
        data.approve(orgEmail);
        data.approve(personEmail);

        List<String> secrets = List.of(orgEmail, personEmail, "Canaryname", "Canarytitle", "867 5309", "8675309");
        List<String> paths = List.of("/", "/letters/" + letter.slug, "/letters/" + letter.slug + "/signatories",
                "/letters/" + letter.slug + "/signatories?q=canary", "/letters/" + letter.slug + "/sign",
                "/letters/" + letter.slug + "/signed", "/api/letters", "/api/letters/" + letter.slug,
                "/api/letters/" + letter.slug + "/signatories", "/api/letters/" + letter.slug + "/signatories?q=canary");
        for (String path : paths) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            for (String secret : secrets) {
                assertFalse(body.toLowerCase().contains(secret.toLowerCase()), path + " leaks " + secret);
            }
        }
        String page = given().get("/letters/" + letter.slug).then().extract().asString();
        assertTrue(page.contains("Canary Coalition") && page.contains("Canary Individual"), "the public names are there");
    }
}
