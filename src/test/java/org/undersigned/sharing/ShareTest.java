package org.undersigned.sharing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sharing a letter: Open Graph and Twitter card tags, a PNG drawn by the server that follows the
 * count, and plain share links (nothing loaded from the services) after confirming.
 */
@QuarkusTest
class ShareTest {

    @Inject
    TestData data;

    @Test
    void theLetterPageCarriesOpenGraphAndTwitterCardTags() {
        Letter letter = data.open(LetterOptions.everyone());
        String page = given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200).extract().asString();
        assertEquals(letter.title, meta(page, "property=\"og:title\""));
        assertTrue(meta(page, "property=\"og:url\"").endsWith("/letters/" + letter.slug));
        assertTrue(meta(page, "property=\"og:image\"").endsWith("/letters/" + letter.slug + "/share.png"));
        assertTrue(meta(page, "property=\"og:image\"").startsWith("http"), "absolute, as crawlers need");
        assertEquals("summary_large_image", meta(page, "name=\"twitter:card\""));
        assertEquals(letter.title, meta(page, "name=\"twitter:title\""));
    }

    @Test
    void theShareImageIsAPngThatFollowsTheCount() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        String path = "/letters/" + letter.slug + "/share.png";
        Response first = given().get(path).then().statusCode(200).contentType("image/png").extract().response();
        var image = ImageIO.read(new ByteArrayInputStream(first.asByteArray()));
        assertNotNull(image);
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        assertNull(first.header("Set-Cookie"));
        String etag = first.header("ETag");
        assertEquals("\"c0-v" + etag.replaceAll(".*-v(\\d+)\"", "$1") + "\"", etag);
        given().header("If-None-Match", etag).get(path).then().statusCode(304);

        String email = TestData.uniqueEmail("share");
        SignOnForms.post(letter.slug, SignOnForms.organization("Share Org", email)).then().statusCode(303);
        data.confirm(email);
        data.approve(email);
        // The public count reaches the directory within a few seconds; the image follows it within the
        // refresh period (1 s in tests).
        long until = System.currentTimeMillis() + 20_000;
        Response later;
        do {
            Thread.sleep(300);
            later = given().get(path).then().statusCode(200).extract().response();
        } while (later.header("ETag").equals(etag) && System.currentTimeMillis() < until);
        assertTrue(later.header("ETag").startsWith("\"c1-"), later.header("ETag"));
        assertFalse(java.util.Arrays.equals(first.asByteArray(), later.asByteArray()), "redrawn");
        given().get("/letters/no-such-letter/share.png").then().statusCode(404);
    }

    @Test
    void afterConfirmingTheSignerSeesPlainShareLinks() {
        Letter letter = data.open(LetterOptions.everyone());
        String email = TestData.uniqueEmail("sharer");
        SignOnForms.post(letter.slug, SignOnForms.organization("Sharing Org", email)).then().statusCode(303);
        String manage = Mails.confirmByLink(data.emailsTo(email)) + "?confirmed=1";
        String page = given().accept("text/html").get(manage).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Share this letter"));
        for (String service : new String[] {"share-email", "share-mastodon", "share-bluesky", "share-x", "share-facebook", "share-whatsapp"}) {
            assertTrue(page.contains("class=\"" + service + "\""), service);
        }
        assertTrue(page.contains("href=\"mailto:?subject="));
        assertTrue(page.contains("https://bsky.app/intent/compose?text="));
        assertTrue(page.contains("id=\"share-url\""), "a link to copy");
        String letterUrl = meta(given().accept("text/html").get("/letters/" + letter.slug).asString(), "property=\"og:url\"");
        assertTrue(page.contains("value=\"" + letterUrl + "\""));
        assertFalse(page.contains("<script"), "no script");
        assertFalse(page.matches("(?s).*<img[^>]+src=\"https?://.*"), "no third-party image");
        assertFalse(page.matches("(?s).*(src|href)=\"https?://[^\"]*/manage/.*"), "the signer's own link is never shared");
    }

    private static String meta(String page, String attribute) {
        Matcher m = Pattern.compile("<meta " + Pattern.quote(attribute) + " content=\"([^\"]*)\">").matcher(page);
        assertTrue(m.find(), attribute);
        return m.group(1).replace("&amp;", "&");
    }
}
