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
    void theFullListPagesByPositionForwardAndBackAcrossBothKinds() {
        Letter letter = data.open(LetterOptions.everyone());
        insertApproved(letter, "ORGANIZATION", "Org", 250);
        insertApproved(letter, "INDIVIDUAL", "Person", 60);
        String api = "/api/letters/" + letter.slug + "/signatories";

        List<String> forward = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        io.restassured.path.json.JsonPath page = given().get(api).then().statusCode(200).extract().jsonPath();
        assertEquals(null, page.getString("previous"), "the first page has no previous page");
        while (true) {
            forward.addAll(page.getList("items.name"));
            sizes.add(page.getList("items").size());
            String next = page.getString("next");
            if (next == null) {
                break;
            }
            page = given().queryParam("after", next).queryParam("page", page.getInt("page") + 1).get(api)
                    .then().statusCode(200).extract().jsonPath();
        }
        assertEquals(List.of(100, 100, 100, 10), sizes);
        assertEquals(4, page.getInt("page"));
        assertEquals(4, page.getInt("pages"));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            expected.add("Org " + String.format("%04d", i));
        }
        for (int i = 1; i <= 60; i++) {
            expected.add("Person " + String.format("%04d", i));
        }
        assertEquals(expected, forward, "every signatory once, organizations first, in reading order");

        // Back from the last page: the same pages, in reverse.
        List<List<String>> backward = new ArrayList<>();
        while (page.getString("previous") != null) {
            page = given().queryParam("before", page.getString("previous")).queryParam("page", page.getInt("page") - 1)
                    .get(api).then().statusCode(200).extract().jsonPath();
            backward.add(0, page.getList("items.name"));
        }
        assertEquals(1, page.getInt("page"));
        assertEquals(expected.subList(0, 300), backward.stream().flatMap(List::stream).toList());

        // The HTML page links by position, and a token nobody wrote shows the first page.
        String html = given().accept("text/html").get("/letters/" + letter.slug + "/signatories").then().statusCode(200)
                .body(containsString("Page 1 of 4")).extract().asString();
        Matcher link = Pattern.compile("href=\"[^\"]*signatories\\?(after=[^\"&]+)&amp;page=2(?:&amp;lang=[a-z-]+)?\"").matcher(html);
        assertTrue(link.find(), "the next link carries a position");
        String second = given().accept("text/html").get("/letters/" + letter.slug + "/signatories?" + link.group(1) + "&page=2")
                .then().statusCode(200).body(containsString("Page 2 of 4")).extract().asString();
        assertEquals(expected.subList(100, 200), listed(second));
        given().queryParam("after", "not-a-position").get(api).then().statusCode(200)
                .body("items[0].name", equalTo("Org 0001")).body("page", equalTo(1));
    }

    private void insertApproved(Letter letter, String kind, String prefix, int n) {
        data.execute("""
                insert into signature (id, letter_id, letter_version, kind, state, source, display_name, city, country,
                    org_type, sort_key, name_key, contact_name, email, email_normalized, consent_public, consent_updates,
                    confirm_token_hash, confirm_expires_at, confirmed_at, created_at, updated_at, version)
                select nextval('signature_seq'), ?1, 1, ?2, 'APPROVED', 'test', ?3 || ' ' || lpad(g::text, 4, '0'), 'City', 'US',
                    case when ?2 = 'ORGANIZATION' then 'ADVOCACY' end, lower(?3) || ' ' || lpad(g::text, 4, '0'),
                    lower(?3) || g, 'Contact ' || g, lower(?3) || '-' || ?1 || '-' || g || '@example.org',
                    lower(?3) || '-' || ?1 || '-' || g || '@example.org', true, false,
                    md5(?3 || g::text), now(), now(), now(), now(), 0
                from generate_series(1, ?4) g""", letter.id, kind, prefix, n);
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
            // Links (and the canonical and oEmbed discovery links, absolute by nature) load nothing.
            String loads = html.replaceAll("<a [^>]*>", "").replaceAll("<link rel=\"(canonical|alternate)\"[^>]*>", "");
            assertTrue(!Pattern.compile("(src|href)=\"(https?:)?//").matcher(loads).find(),
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
