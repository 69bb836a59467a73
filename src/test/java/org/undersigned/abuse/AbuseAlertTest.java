package org.undersigned.abuse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One address (or domain) producing most of a letter's recent sign-ons alerts the admins, once. */
@QuarkusTest
class AbuseAlertTest {

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    AbuseAlerts alerts;

    @Test
    void anUnusualShareFromOneAddressEmailsTheAdminsOnce() {
        String admin = admins.create(Role.ADMIN);
        Letter letter = data.open(LetterOptions.everyone());
        String flood = "203.0.113.250";
        for (int i = 0; i < 24; i++) {
            sign(letter, flood, "bot" + i + "-" + TestData.uniqueSlug("a") + "@gmail.com");
        }
        for (int i = 0; i < 8; i++) {
            sign(letter, "192.0.2." + (10 + i), "person" + i + "-" + TestData.uniqueSlug("a") + "@gmail.com");
        }
        alerts.check(Instant.now());
        alerts.check(Instant.now()); // the quiet period: no second alert
        assertEquals(1, data.countRows("abuse_alert", "letter_id = ?1 and kind = 'IP' and value = ?2", letter.id, flood));
        assertEquals(0, data.countRows("abuse_alert", "letter_id = ?1 and kind = 'DOMAIN'", letter.id),
                "a big mail provider's share is normal, never an alert");
        var mails = data.emailsTo(admin).stream().filter(m -> "abuse.alert".equals(m.kind)).toList();
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).bodyText.contains("24 of the last 32 sign-ons"), mails.get(0).bodyText);
        assertTrue(mails.get(0).bodyText.contains("/admin/letters/" + letter.id + "/invalidations?clientRange=" + flood));

        admins.session(Role.ADMIN).browser().get("/admin/letters/" + letter.id + "/invalidations?clientRange=" + flood)
                .then().statusCode(200).body(containsString("address " + flood)).body(containsString("value=\"" + flood + "\""));
    }

    @Test
    void aDomainThatIsNotAMailProviderAlertsToo() {
        Letter letter = data.open(LetterOptions.everyone());
        String domain = "stuffed" + TestData.uniqueSlug("d") + ".example";
        for (int i = 0; i < 30; i++) {
            sign(letter, "192.0.2." + (100 + i), "x" + i + "@" + domain);
        }
        alerts.check(Instant.now());
        assertEquals(1, data.countRows("abuse_alert", "letter_id = ?1 and kind = 'DOMAIN' and value = ?2", letter.id, domain));
        assertEquals(0, data.countRows("abuse_alert", "letter_id = ?1 and kind = 'IP'", letter.id));
    }

    private static void sign(Letter letter, String ip, String email) {
        Map<String, String> form = SignOnForms.individual("Person " + email.substring(0, email.indexOf('@')), email);
        form.put("formStamp", SignOnForms.stamp(letter.slug));
        given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
    }
}
