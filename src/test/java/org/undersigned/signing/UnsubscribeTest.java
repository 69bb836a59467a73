package org.undersigned.signing;

import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leaving campaign updates: no sign-in, a visit alone changes nothing, and the change shows everywhere. */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    UpdateSubscriptions subscriptions;

    private String signOnWithUpdates(Letter letter, String email) {
        Map<String, String> form = SignOnForms.organization("Updates Org " + email, email);
        form.put("consentUpdates", "yes");
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        return Mails.confirmByLink(data.emailsTo(email));
    }

    @Test
    void theLinkShowsAButtonAndOnlyThePostUnsubscribes() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("unsub-page");
        String manage = signOnWithUpdates(letter, email);
        String path = subscriptions.unsubscribeUrl(data.only(email).id()).replaceAll("^https?://[^/]+", "");

        given().accept("text/html").get(path).then().statusCode(200)
                .body(containsString("Stop sending me updates")).body(containsString(letter.title));
        assertTrue(data.only(email).consentUpdates(), "a mail scanner following the link changes nothing");
        given().accept("text/html").get(manage).then().body(containsString("Campaign updates by email</dt><dd id=\"updates-consent\">Yes"));

        given().accept("text/html").contentType("application/x-www-form-urlencoded").post(path).then().statusCode(200)
                .body(containsString("You are unsubscribed"));
        assertFalse(data.only(email).consentUpdates());
        given().accept("text/html").get(manage).then().body(containsString("<dd id=\"updates-consent\">No"))
                .body(not(containsString("Stop sending me updates")));
        data.approve(email);
        String csv = admins.api(Role.ADMIN).accept("text/csv").get("/admin/letters/" + letter.id + "/signatures.csv")
                .then().statusCode(200).extract().asString();
        String row = csv.lines().filter(l -> l.contains(email)).findFirst().orElseThrow();
        assertTrue(row.contains("false"), "the contacts export shows the consent withdrawn: " + row);
    }

    @Test
    void aForgedOrAlteredLinkIsRefused() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("unsub-forged");
        signOnWithUpdates(letter, email);
        long id = data.only(email).id();
        String genuine = subscriptions.unsubscribeUrl(id).replaceAll("^https?://[^/]+", "");
        String otherEntry = genuine.replace("/unsubscribe/" + id + ".", "/unsubscribe/" + (id + 1) + ".");
        given().accept("text/html").contentType("application/x-www-form-urlencoded").post(otherEntry).then().statusCode(404)
                .body(containsString("Link not recognised"));
        given().accept("text/html").get("/unsubscribe/garbage").then().statusCode(404);
        assertTrue(data.only(email).consentUpdates());
    }

    @Test
    void theSelfServicePageStopsUpdatesToo() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("unsub-manage");
        String manage = signOnWithUpdates(letter, email);
        given().redirects().follow(false).post(manage + "/stop-updates").then().statusCode(303);
        assertFalse(data.only(email).consentUpdates());
        assertTrue(data.countRows("audit_event", "signature_id = ?1 and action = 'signature.unsubscribed'", data.only(email).id()) == 1);
    }
}
