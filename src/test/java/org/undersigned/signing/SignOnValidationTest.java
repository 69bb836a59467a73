package org.undersigned.signing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every validation rule: the form comes back with the message next to its field, linked from
 * the summary at the top, with what was typed still in place, and nothing is written.
 */
@QuarkusTest
class SignOnValidationTest {

    @Inject
    TestData data;

    private Letter letter;

    @BeforeEach
    void openLetter() {
        letter = data.open(LetterOptions.everyone());
    }

    static Stream<Arguments> organizationRules() {
        return Stream.of(
                Arguments.of("organizationName", "", "Enter your organization's name."),
                Arguments.of("organizationName", "x".repeat(201), "Use 200 characters or fewer."),
                Arguments.of("organizationName", "Evil\u202Egro", "Remove the invisible or control characters"),
                Arguments.of("organizationName", "Null\u0000Byte", "Remove the invisible or control characters"),
                Arguments.of("website", "not a website", "Enter a web address like example.org."),
                Arguments.of("website", "javascript:alert(1)", "Enter a web address like example.org."),
                Arguments.of("city", "", "Enter your city or town."),
                Arguments.of("city", "c".repeat(101), "Use 100 characters or fewer."),
                Arguments.of("region", "r".repeat(101), "Use 100 characters or fewer."),
                Arguments.of("country", "", "Choose your country."),
                Arguments.of("country", "XX", "Choose a country from the list."),
                Arguments.of("orgType", "", "Choose the kind of organization."),
                Arguments.of("orgType", "SECRET_POLICE", "Choose one of the options."),
                Arguments.of("contactName", "", "Enter the name of the contact person."),
                Arguments.of("contactTitle", "", "Enter the contact person's title or role."),
                Arguments.of("email", "", "Enter an email address."),
                Arguments.of("email", "ana@", "Enter an email address like name@example.org."),
                Arguments.of("email", "a".repeat(250) + "@example.org", "Use 254 characters or fewer."),
                Arguments.of("phone", "call me maybe", "Enter a phone number using digits"),
                Arguments.of("phone", "1".repeat(41), "Use 40 characters or fewer."),
                Arguments.of("consentPublic", null, "Tick the box to agree"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("organizationRules")
    void eachOrganizationRuleIsEnforced(String field, String value, String message) {
        String email = TestData.uniqueEmail("invalid");
        Map<String, String> form = SignOnForms.organization("Keep This Name", email);
        if (value == null) {
            form.remove(field);
        } else {
            form.put(field, value);
        }
        Response response = SignOnForms.post(letter.slug, form);
        response.then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("There is a problem"))
                .body(containsString("<a href=\"#f-" + field + "\">" + escaped(message)))
                .body(containsString("id=\"f-" + field + "-error\""))
                .body(containsString("aria-invalid=\"true\""));
        if (!field.equals("organizationName")) {
            response.then().body(containsString("value=\"Keep This Name\""));
        }
        assertNothingWritten(email);
    }

    @Test
    void individualsMustGiveTheirName() {
        String email = TestData.uniqueEmail("person");
        Map<String, String> form = SignOnForms.individual("", email);
        SignOnForms.post(letter.slug, form).then().statusCode(400)
                .body(containsString("<a href=\"#f-name\">Enter your name.</a>"))
                .body(containsString("value=\"Professor of Law, State University\""));
        assertNothingWritten(email);
    }

    @Test
    void aKindTheLetterDoesNotAllowIsRefused() {
        Letter orgsOnly = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("person");
        SignOnForms.post(orgsOnly.slug, SignOnForms.individual("Jo Person", email)).then().statusCode(400)
                .body(containsString("This letter is signed by organizations only."));
        assertNothingWritten(email);
    }

    @Test
    void invalidUtf8IsRefusedNotMangledIntoTheRecord() {
        String email = TestData.uniqueEmail("utf8");
        Map<String, String> form = SignOnForms.organization("x", email);
        form.remove("organizationName");
        StringBuilder body = new StringBuilder("organizationName=Bad%C3%28Bytes%FF");
        form.forEach((k, v) -> body.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded")
                .body(body.toString())
                .post("/letters/" + letter.slug + "/sign")
                .then().statusCode(400)
                .body(containsString("<a href=\"#f-organizationName\">Remove the invisible or control characters"));
        assertNothingWritten(email);
    }

    @Test
    void browsersPostingUtf8WithoutACharsetAreReadAsUtf8() {
        String email = TestData.uniqueEmail("utf8ok");
        Map<String, String> form = SignOnForms.organization("x", email);
        form.remove("organizationName");
        StringBuilder body = new StringBuilder("organizationName=Caf%C3%A9+%D0%9F%D1%80%D0%B0%D0%B2%D0%B0+%E4%BA%BA%E6%9D%83");
        form.forEach((k, v) -> body.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .body(body.toString())
                .post("/letters/" + letter.slug + "/sign")
                .then().statusCode(303);
        assertEquals("Café Права 人权", data.only(email).displayName());
    }

    @Test
    void apiClientsGetProblemJsonWithOneMessagePerField() {
        String email = TestData.uniqueEmail("api");
        given().contentType("application/json")
                .body("{\"kind\":\"ORGANIZATION\",\"email\":\"" + email + "\",\"website\":\"nope\"}")
                .post("/api/letters/" + letter.slug + "/signatures")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(400))
                .body("type", org.hamcrest.Matchers.equalTo("/problems/invalid-input"))
                .body("errors.field", hasItem("organizationName"))
                .body("errors.field", hasItem("website"))
                .body("errors.field", hasItem("consentPublic"))
                .body("errors.field", not(hasItem("email")));
        assertNothingWritten(email);
    }

    @Test
    void wrongJsonTypesAreAClearBadRequest() {
        given().contentType("application/json")
                .body("{\"kind\":[1,2],\"consentPublic\":\"maybe\"}")
                .post("/api/letters/" + letter.slug + "/signatures")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
    }

    private void assertNothingWritten(String email) {
        assertEquals(0, data.countRows("signature", "email = ?1", email), "no signature row");
        assertEquals(0, data.countRows("outbox_email", "recipient = ?1", email), "no email queued");
    }

    private static String escaped(String message) {
        return message.replace("'", "&#39;").replace("\"", "&quot;");
    }
}
