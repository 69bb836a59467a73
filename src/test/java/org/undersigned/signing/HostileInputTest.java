package org.undersigned.signing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Markup typed into the form is stored as the text it is and escaped wherever it is shown. */
@QuarkusTest
class HostileInputTest {

    private static final String SCRIPT = "<script>alert('xss')</script>";
    private static final String ATTRIBUTE_BREAKOUT = "\"><img src=x onerror=alert(1)>";

    @Inject
    TestData data;

    @Test
    void markupInAnApprovedNameIsEscapedOnEveryPublicPage() {
        Letter letter = data.open(LetterOptions.everyone());
        String orgEmail = TestData.uniqueEmail("xss-org");
        String personEmail = TestData.uniqueEmail("xss-person");
        SignOnForms.post(letter.slug, SignOnForms.organization(SCRIPT + " Org", orgEmail)).then().statusCode(303);
        Map<String, String> person = SignOnForms.individual(ATTRIBUTE_BREAKOUT, personEmail);
        person.put("affiliation", "<b>bold</b> & co");
        SignOnForms.post(letter.slug, person).then().statusCode(303);
        data.approve(orgEmail);
        data.approve(personEmail);

        assertEquals(SCRIPT + " Org", data.only(orgEmail).displayName(), "stored exactly as typed");

        for (String path : new String[]{"/letters/" + letter.slug, "/letters/" + letter.slug + "/signatories",
                "/letters/" + letter.slug + "/signatories?q=script"}) {
            given().accept("text/html").get(path).then().statusCode(200)
                    .body(not(containsString("<script>alert")))
                    .body(not(containsString("<img src=x")))
                    .body(not(containsString("<b>bold</b>")));
        }
        given().accept("text/html").get("/letters/" + letter.slug).then()
                .body(containsString("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; Org"))
                .body(containsString("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
                .body(containsString("&lt;b&gt;bold&lt;/b&gt; &amp; co"));
    }

    @Test
    void markupComingBackInTheFormIsEscapedInsideAttributes() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        Map<String, String> form = SignOnForms.organization(ATTRIBUTE_BREAKOUT, "not-an-email");
        SignOnForms.post(letter.slug, form).then().statusCode(400)
                .body(not(containsString("<img src=x")))
                .body(containsString("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
    }

    @Test
    void aHugeFieldIsRefusedAndNothingIsWritten() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("huge");
        Map<String, String> form = SignOnForms.organization("A".repeat(100_000), email);
        int status = SignOnForms.post(letter.slug, form).then().extract().statusCode();
        assertEquals(400, status);
        assertEquals(0, data.countRows("signature", "email = ?1", email));
    }

    @Test
    void aBodyBeyondTheLimitIsRefusedCleanly() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("toolarge");
        Map<String, String> form = SignOnForms.organization("B".repeat(300_000), email);
        int status = SignOnForms.post(letter.slug, form).then().extract().statusCode();
        assertEquals(413, status);
        assertEquals(0, data.countRows("signature", "email = ?1", email));
    }
}
