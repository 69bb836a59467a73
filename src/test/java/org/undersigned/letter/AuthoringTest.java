package org.undersigned.letter;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.signing.Signature;
import org.undersigned.support.Admins;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An editor writes, previews, publishes, updates, revises, closes, delivers and archives a letter in the browser. */
@QuarkusTest
class AuthoringTest {

    @Inject
    Admins admins;

    @Inject
    TestData data;

    @Test
    void fromDraftToArchiveInTheBrowser() {
        Admins.Session editor = admins.session(Role.EDITOR);
        String slug = TestData.uniqueSlug("authored");
        Map<String, Object> form = letterForm(slug);
        form.put("action", "preview");
        editor.post("/admin/letters", form).then().statusCode(200)
                .body(containsString("Preview (not saved yet)"))
                .body(containsString("<strong>permanent</strong>"))
                .body(containsString("&lt;script&gt;"))
                .body(containsString("value=\"" + slug + "\""));
        assertEquals(0, data.countRows("letter", "slug = ?1", slug), "a preview saves nothing");

        form.put("action", "save");
        String location = editor.post("/admin/letters", form).then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/admin/letters/(\\d+).*", "$1"));
        given().accept("text/html").get("/letters/" + slug).then().statusCode(404);

        editor.post("/admin/letters/" + id + "/publish", Map.of()).then().statusCode(303);
        given().accept("text/html").get("/letters/" + slug).then().statusCode(200)
                .body(containsString("Ban it for good")).body(not(containsString("text was last changed")));

        editor.post("/admin/letters/" + id + "/updates", Map.of("postedOn", "2021-05-18", "markdown", "**Victory** today")).then().statusCode(303);
        given().get("/letters/" + slug).then().body(containsString("<strong>Victory</strong> today"));
        long updateId = data.countRows("campaign_update", "letter_id = ?1", id) == 1 ? updateIdOf(id) : -1;
        editor.post("/admin/updates/" + updateId, Map.of("postedOn", "2021-05-19", "markdown", "Victory, edited")).then().statusCode(303);
        given().get("/letters/" + slug).then().body(containsString("Victory, edited")).body(containsString("19 May 2021"));
        editor.post("/admin/updates/" + updateId + "/delete", Map.of()).then().statusCode(303);
        given().get("/letters/" + slug).then().body(not(containsString("Victory, edited")));

        editor.post("/admin/letters/" + id + "/close", Map.of()).then().statusCode(303);
        editor.post("/admin/letters/" + id + "/deliver", Map.of("deliveredOn", LocalDate.now().toString(),
                "deliveredTo", "Amazon's board", "deliveredHow", "by email")).then().statusCode(303);
        given().get("/letters/" + slug).then().body(containsString("Delivered to Amazon&#39;s board"));
        editor.post("/admin/letters/" + id + "/archive", Map.of()).then().statusCode(303);
        assertEquals(LetterState.ARCHIVED, data.letter(id).state());
        editor.post("/admin/letters/" + id + "/publish", Map.of()).then().statusCode(409);
    }

    @Test
    void theEditorShowsEachProblemNextToItsField() {
        Admins.Session editor = admins.session(Role.EDITOR);
        Map<String, Object> form = letterForm("Not A Slug!");
        form.put("title", "");
        form.remove("organizationsMaySign");
        form.put("deadline", "next tuesday");
        editor.post("/admin/letters", form).then().statusCode(400)
                .body(containsString("<a href=\"#f-slug\">Use lower-case letters"))
                .body(containsString("<a href=\"#f-title\">Enter a title."))
                .body(containsString("<a href=\"#f-deadline\">Enter the deadline"))
                .body(containsString("<a href=\"#f-whoMaySign\">Let organizations, individuals or both sign."));
    }

    @Test
    void changingAPublishedTextMakesANewVersionAndSignersCanReconsent() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("v1signer");
        SignOnForms.post(letter.slug, SignOnForms.organization("Early Signer", email)).then().statusCode(303);
        data.confirm(email);
        data.approve(email);

        Admins.Session editor = admins.session(Role.EDITOR);
        editor.browser().get("/admin/letters/" + letter.id + "/edit").then().statusCode(200)
                .body(not(containsString("signed an earlier version")));
        Letter current = data.letter(letter.id);
        Map<String, Object> form = new HashMap<>(Map.of("slug", current.slug, "title", current.title,
                "addressees", current.addressees, "bodyMarkdown", current.bodyMarkdown + "\n\nA new paragraph.",
                "coalitionName", current.coalitionName, "coalitionContact", current.coalitionContact,
                "organizationsMaySign", "yes", "action", "save", "version", current.version));
        editor.post("/admin/letters/" + letter.id + "/edit", form).then().statusCode(303);
        assertEquals(2, data.letter(letter.id).currentVersion());
        given().get("/letters/" + letter.slug).then().body(containsString("The text was last changed on"))
                .body(containsString("A new paragraph."));

        // Saving again with the version we started from is a conflict, not an overwrite.
        editor.post("/admin/letters/" + letter.id + "/edit", form).then().statusCode(409);

        editor.browser().get("/admin/letters/" + letter.id + "/edit").then()
                .body(containsString("1 signatory signed an earlier version."));
        editor.post("/admin/letters/" + letter.id + "/reconsent", Map.of("summary", "We added a paragraph on federal agencies."))
                .then().statusCode(303).header("Location", containsString("reconsent=1"));
        var mail = Mails.last(data.emailsTo(email));
        assertTrue(mail.bodyText.contains("We added a paragraph on federal agencies."));
        String manage = Mails.linkPath(mail.bodyText, "/manage/");
        given().accept("text/html").get(manage).then().body(containsString("has changed since you signed"))
                .body(containsString("You signed version 1; the letter is now at version 2."));
        given().redirects().follow(false).post(manage + "/keep").then().statusCode(303);
        Signature kept = data.only(email);
        assertEquals(2, kept.letterVersion());
        given().accept("text/html").get(manage).then().body(not(containsString("has changed since you signed")));
        admins.api(Role.EDITOR).get("/api/admin/letters/" + letter.id).then().body("onEarlierVersion", equalTo(0));
    }

    @Test
    void theDashboardDrawsItsChartsOnTheServer() {
        Letter letter = data.open(LetterOptions.everyone());
        for (String region : List.of("CA", "CA", "NY")) {
            String email = TestData.uniqueEmail("dash");
            Map<String, String> f = SignOnForms.organization("Dash " + email, email);
            f.put("region", region);
            SignOnForms.post(letter.slug, f).then().statusCode(303);
            data.approve(email);
        }
        String page = admins.session(Role.VETTER).browser().get("/admin/letters/" + letter.id).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<svg viewBox"), "an SVG chart");
        assertTrue(page.contains("Sign-ons per day, last 30 days"));
        assertTrue(page.contains("<title>" + LocalDate.now().toString().substring(5) + ": 3</title>"), "today's bar");
        assertTrue(page.contains("CA (2)") && page.contains("NY (1)"), "by region");
        assertTrue(!page.contains("<script"), "no script");
        admins.api(Role.VETTER).get("/api/admin/letters/" + letter.id + "/stats").then().statusCode(200)
                .body("counts.APPROVED", equalTo(3)).body("byRegion[0].region", equalTo("CA"));
    }

    private long updateIdOf(long letterId) {
        return CampaignUpdate.forLetter(letterId).get(0).id;
    }

    private static Map<String, Object> letterForm(String slug) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", "Ban it for good");
        form.put("slug", slug);
        form.put("addressees", "Mr. Bezos and Mr. Jassy");
        form.put("bodyMarkdown", "We ask you to make the ban **permanent**. <script>alert(1)</script>");
        form.put("coalitionName", "Test Coalition");
        form.put("coalitionContact", "press@example.org");
        form.put("organizationsMaySign", "yes");
        return form;
    }
}
