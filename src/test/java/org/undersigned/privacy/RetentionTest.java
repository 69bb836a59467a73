package org.undersigned.privacy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.signing.Signature;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Personal data is deleted when its purpose is served; public names and counts stay. */
@QuarkusTest
class RetentionTest {

    @Inject
    TestData data;

    @Inject
    Retention retention;

    @Test
    void contactDetailsGoSomeTimeAfterDeliveryAndAddressesAfterThirtyDays() {
        Letter old = data.open(LetterOptions.organizationsOnly());
        String approved = sign(old, "Long Delivered Coalition", "198.51.100.61");
        String rejected = sign(old, "Never Approved Org", "198.51.100.62");
        data.approve(approved);
        data.reject(rejected);
        data.deliver(old.id, "Mr. Bezos");
        data.execute("update letter set delivered_at = now() - interval '200 days' where id = ?1", old.id);

        Letter recent = data.open(LetterOptions.organizationsOnly());
        String kept = sign(recent, "Recently Delivered Org", "198.51.100.63");
        data.approve(kept);
        data.deliver(recent.id, "Mr. Jassy");
        data.execute("update signature set created_at = now() - interval '40 days' where email = ?1", kept);
        long mailId = data.emailsTo(kept).get(0).id;
        data.execute("update outbox_email set state = 'SENT', sent_at = now() - interval '39 days', created_at = now() - interval '40 days' where id = ?1", mailId);
        int recentMails = data.emailsTo(kept).size() - 1;

        retention.run(Instant.now());

        Signature a = onlyNamed(old, "Long Delivered Coalition");
        assertNull(a.email());
        assertNull(a.phone());
        assertNull(a.contactName());
        assertNull(a.contactTitle());
        assertNull(a.clientIp());
        assertNotNull(a.anonymizedAt());
        assertEquals("Long Delivered Coalition", a.displayName(), "the public name stays on the delivered letter");
        given().get("/letters/" + old.slug).then().body(containsString("Long Delivered Coalition"))
                .body(containsString("Signed by 1 organization"));
        Signature r = onlyNamed(old, "Never Approved Org");
        assertNull(r.email());

        Signature k = data.only(kept);
        assertNotNull(k.email(), "contact details stay until the period after delivery has passed");
        assertNull(k.clientIp(), "the client address is gone after 30 days");
        assertEquals(0, data.countRows("outbox_email", "id = ?1", mailId), "sent emails are deleted after 30 days");
        assertEquals(recentMails, data.emailsTo(kept).size(), "recent emails stay");
        assertEquals(0, data.emailsTo(approved).size(), "emails about anonymized entries go with the contact details");
    }

    private String sign(Letter letter, String name, String ip) {
        String email = TestData.uniqueEmail("ret");
        Map<String, String> form = SignOnForms.organization(name, email);
        form.put("formStamp", SignOnForms.stamp(letter.slug));
        given().header("X-Forwarded-For", ip).config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        return email;
    }

    private Signature onlyNamed(Letter letter, String name) {
        return data.signatures(letter.id).stream().filter(s -> name.equals(s.displayName())).findFirst().orElseThrow();
    }

}
