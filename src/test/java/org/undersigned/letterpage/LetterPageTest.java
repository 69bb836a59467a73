package org.undersigned.letterpage;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LetterPageTest {

    @Inject
    TestData data;

    @Inject
    LetterService letters;

    @Test
    void signatoriesAreListedOrganizationsFirstInReadingOrder() {
        Letter letter = data.open(LetterOptions.everyone());
        for (String org : List.of("Zeta Union", "The Alpha Fund", "Émile Collective", "beta group", "Ángel Project")) {
            signAndApprove(letter, SignOnForms.organization(org, TestData.uniqueEmail("org")));
        }
        for (String person : List.of("Zoë Person", "Ada Person")) {
            signAndApprove(letter, SignOnForms.individual(person, TestData.uniqueEmail("person")));
        }
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("Signed by 5 organizations and 2 individuals"))
                .extract().asString();
        assertEquals(List.of("The Alpha Fund", "Ángel Project", "beta group", "Émile Collective", "Zeta Union",
                "Ada Person", "Zoë Person"), listed(page));

        String full = given().accept("text/html").get("/letters/" + letter.slug + "/signatories").then().extract().asString();
        assertEquals(listed(page), listed(full));
        given().get("/api/letters/" + letter.slug + "/signatories").then()
                .body("items.name", equalTo(listed(page)))
                .body("total", equalTo(7));
    }

    @Test
    void theFullListIsSearchableWithoutCaseOrAccentsAndPaged() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        signAndApprove(letter, SignOnForms.organization("Café Résistance", TestData.uniqueEmail("cafe")));
        signAndApprove(letter, SignOnForms.organization("Other Group", TestData.uniqueEmail("other")));
        String result = given().accept("text/html").queryParam("q", "CAFE resis")
                .get("/letters/" + letter.slug + "/signatories").then().statusCode(200)
                .body(containsString("1 match for"))
                .extract().asString();
        assertEquals(List.of("Café Résistance"), listed(result));
        given().queryParam("q", "%").get("/api/letters/" + letter.slug + "/signatories").then()
                .body("total", equalTo(0));
        given().queryParam("page", 99).get("/api/letters/" + letter.slug + "/signatories").then()
                .body("page", equalTo(1)).body("pages", equalTo(1));
    }

    @Test
    void updatesAppearAboveTheLetterNewestFirst() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        letters.postUpdate(org.undersigned.audit.Actor.SYSTEM, letter.id, LocalDate.of(2021, 5, 18), "UPDATE: **victory** on May 18.");
        letters.postUpdate(org.undersigned.audit.Actor.SYSTEM, letter.id, LocalDate.of(2021, 4, 1), "Delivered <b>today</b>.");
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("<time datetime=\"2021-05-18\">18 May 2021</time>"))
                .body(containsString("<strong>victory</strong>"))
                .body(containsString("Delivered &lt;b&gt;today&lt;/b&gt;."))
                .extract().asString();
        assertTrue(page.indexOf("18 May 2021") < page.indexOf("1 April 2021"));
        assertTrue(page.indexOf("1 April 2021") < page.indexOf("id=\"letter-heading\""));
        assertTrue(page.contains("<h3>Why</h3>"), "body headings sit below the page's own");
    }

    @Test
    void pagesAreAccessibleAndLoadNothingFromElsewhere() {
        Letter letter = data.open(LetterOptions.everyone());
        for (String path : List.of("/", "/letters/" + letter.slug, "/letters/" + letter.slug + "/signatories",
                "/letters/" + letter.slug + "/sign", "/letters/" + letter.slug + "/sign?as=individual",
                "/letters/" + letter.slug + "/link")) {
            String html = given().accept("text/html").get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                    .extract().asString();
            assertTrue(html.contains("<html lang=\"en\" dir=\"ltr\">"), path);
            assertTrue(html.contains("name=\"viewport\""), path);
            assertEquals(1, count(html, "<h1"), path + " has one h1");
            assertTrue(!Pattern.compile("(src|href)=\"(https?:)?//").matcher(html.replaceAll("<a [^>]*>", "")).find(),
                    path + " loads nothing from another host");
            assertTrue(!html.contains("<script"), path + " needs no script");
            Matcher inputs = Pattern.compile("<(input|select)[^>]* id=\"([^\"]+)\"").matcher(html);
            while (inputs.find()) {
                String id = inputs.group(2);
                if (!html.substring(inputs.start(), html.indexOf('>', inputs.start())).contains("type=\"hidden\"")) {
                    assertTrue(html.contains("for=\"" + id + "\""), path + ": field " + id + " has a label");
                }
            }
        }
    }

    @Test
    void theApiDescribesALetterWithItsDigest() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        given().get("/api/letters/" + letter.slug).then().statusCode(200)
                .body("slug", equalTo(letter.slug))
                .body("textVersion", equalTo(1))
                .body("textSha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("acceptingSignatures", equalTo(true))
                .body("counts.summary", equalTo("No signatures yet"))
                .body(not(containsString("\"id\"")));
        given().get("/api/letters").then().statusCode(200).body("slug", org.hamcrest.Matchers.hasItem(letter.slug));
    }

    private void signAndApprove(Letter letter, java.util.Map<String, String> form) {
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        data.approve(form.get("email"));
    }

    /** Signatory names in the order the page lists them. */
    static List<String> listed(String html) {
        List<String> names = new ArrayList<>();
        Matcher lists = Pattern.compile("<ul class=\"signatories[^\"]*\">(.*?)</ul>", Pattern.DOTALL).matcher(html);
        while (lists.find()) {
            Matcher items = Pattern.compile("<li>(?:<a [^>]*>)?(?:<bdi>)?([^<,]+?)(?:</bdi>)?(?:</a>)?(?:<span|</li>)").matcher(lists.group(1));
            while (items.find()) {
                names.add(items.group(1).trim());
            }
        }
        return names;
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
