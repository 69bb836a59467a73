package org.undersigned.letterpage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cached public pages: 304 on a matching ETag, and a new page after every change that shows on it. */
@QuarkusTest
class PageCacheTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    PageCache cache;

    @Inject
    MeterRegistry registry;

    /**
     * Every distinct search string is a page of its own: they go to a small cache bounded in
     * memory and count, so a flood of searches neither grows memory nor pushes out the letter's pages.
     */
    @Test
    void searchesAreCachedApartAndBounded() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        given().get("/letters/" + letter.slug + "/signatories?q=first").then().statusCode(200);
        given().get("/letters/" + letter.slug).then().statusCode(200);
        String page = "x".repeat(20_000);
        jakarta.ws.rs.core.HttpHeaders none = (jakarta.ws.rs.core.HttpHeaders) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{jakarta.ws.rs.core.HttpHeaders.class}, (proxy, m, args) -> null);
        double pagesBefore = held("undersigned.page.cache.entries", "pages");
        for (int i = 0; i < 1_500; i++) {
            cache.serve("flood|" + i, none, () -> page, true).await().indefinitely();
        }
        // Read through the meters operators watch (undersigned_page_cache_entries/_size_bytes).
        double searchBytes = held("undersigned.page.cache.size", "searches");
        double searchEntries = held("undersigned.page.cache.entries", "searches");
        assertTrue(searchBytes <= PageCache.SEARCH_BYTES, "search results stay within their memory budget: " + searchBytes);
        assertTrue(searchEntries <= PageCache.SEARCH_BYTES / PageCache.SEARCH_ENTRY_MINIMUM, "and their count: " + searchEntries);
        assertTrue(searchEntries < 1_500);
        assertTrue(held("undersigned.page.cache.entries", "pages") <= pagesBefore + 5, "searches never land among the pages");
    }

    private double held(String meter, String cacheName) {
        return registry.get(meter).tag("cache", cacheName).gauge().value();
    }

    @Test
    void aMatchingETagGets304() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        for (String path : new String[]{"/letters/" + letter.slug, "/letters/" + letter.slug + "/signatories", "/"}) {
            String etag = given().get(path).then().statusCode(200)
                    .header("Cache-Control", containsString("must-revalidate"))
                    .extract().header("ETag");
            given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
            given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void approvalWithdrawalTextChangeAndUpdatesEachMakeANewPage() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String path = "/letters/" + letter.slug;
        String etag0 = etag(path);

        String email = TestData.uniqueEmail("cache");
        SignOnForms.post(letter.slug, SignOnForms.organization("Cache Test Org", email));
        given().redirects().follow(false).post(Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/confirm/"));
        var s = data.only(email);
        admins.api(Role.VETTER).body(Map.of("version", s.version())).post("/api/admin/signatures/" + s.id() + "/approve")
                .then().statusCode(200);
        Response approved = given().header("If-None-Match", etag0).get(path);
        approved.then().statusCode(200).body(containsString("Cache Test Org")).body(containsString("Signed by 1 organization"));
        String etag1 = approved.header("ETag");
        assertNotEquals(etag0, etag1);

        String manage = Mails.linkPath(Mails.last(data.emailsTo(email)).bodyText, "/manage/");
        given().redirects().follow(false).post(manage + "/withdraw").then().statusCode(303);
        Response withdrawn = given().header("If-None-Match", etag1).get(path);
        withdrawn.then().statusCode(200).body(not(containsString("Cache Test Org"))).body(containsString("No signatures yet"));
        String etag2 = withdrawn.header("ETag");

        Letter current = data.letter(letter.id);
        admins.api(Role.EDITOR).body(Map.of("slug", current.slug, "title", current.title, "addressees", current.addressees,
                        "bodyMarkdown", "A revised text for the cache test.", "coalitionName", current.coalitionName,
                        "coalitionContact", current.coalitionContact, "version", current.version))
                .put("/api/admin/letters/" + letter.id).then().statusCode(200);
        Response revised = given().header("If-None-Match", etag2).get(path);
        revised.then().statusCode(200).body(containsString("A revised text for the cache test."))
                .body(containsString("The text was last changed on"));
        String etag3 = revised.header("ETag");

        admins.api(Role.EDITOR).body(Map.of("postedOn", "2021-05-18", "markdown", "Cache-busting update"))
                .post("/api/admin/letters/" + letter.id + "/updates").then().statusCode(201);
        given().header("If-None-Match", etag3).get(path).then().statusCode(200).body(containsString("Cache-busting update"));
    }

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }
}
