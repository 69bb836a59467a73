package org.undersigned.letter;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.mail.RealSmtp;
import org.undersigned.support.RealSmtpTest;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An editor emails the closed letter to its addressees; the delivery is recorded and shown. */
@QuarkusTest
@TestProfile(RealSmtp.class)
class DeliveryByEmailTest extends RealSmtpTest {

    @Test
    void theDeliveryEmailCarriesTheTextTheCountAndTheLinksAndIsRecordedOnThePages() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        for (int i = 0; i < 2; i++) {
            String email = TestData.uniqueEmail("deliver");
            SignOnForms.post(letter.slug, SignOnForms.organization("Delivering Org " + i, email)).then().statusCode(303);
            data.approve(email);
        }
        String base = "/api/admin/letters/" + letter.id + "/delivery";
        admins.api(Role.EDITOR).body(Map.of("addresseeEmails", "not-an-address"))
                .post(base + "/addresses").then().statusCode(400);
        admins.api(Role.EDITOR).body(Map.of("addresseeEmails", "ceo@company.example\npolicy@company.example"))
                .post(base + "/addresses").then().statusCode(200);
        admins.api(Role.EDITOR).post(base).then().statusCode(422).body("detail", containsString("close it"));

        data.execute("update letter set state = 'CLOSED', closed_at = now() where id = ?1", letter.id);
        JsonPath page = admins.api(Role.EDITOR).post(base).then().statusCode(202).extract().jsonPath();
        String messageId = page.getString("deliveries[0].messageId");
        assertEquals(2, page.getLong("deliveries[0].signatories"));
        background.sendDueMail();

        MimeMessage[] received = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(r -> subjectOf(r).equals(letter.title)).toArray(MimeMessage[]::new);
        assertEquals(2, received.length, "one message, delivered to both addressees");
        MimeMessage m = received[0];
        assertEquals(messageId, m.getHeader("Message-ID")[0]);
        assertEquals(letter.title, m.getSubject());
        assertEquals(2, m.getRecipients(jakarta.mail.Message.RecipientType.TO).length);
        assertTrue(m.getHeader("Auto-Submitted") == null, "a letter from people, so replies are welcome");
        String text = text(m);
        assertTrue(text.startsWith("Mr. Bezos and Mr. Jassy,"), text);
        assertTrue(text.contains("We ask you to **stop**."), text);
        assertTrue(text.contains("Signed by 2 organizations and people"), text);
        assertTrue(text.contains("/letters/" + letter.slug + "/letter.pdf"), text);
        assertTrue(text.matches("(?s).*SHA-256 [0-9a-f]{64}.*"), text);
        assertEquals("press@coalition.example", m.getReplyTo()[0].toString());

        JsonPath after = admins.api(Role.EDITOR).get(base).then().statusCode(200).extract().jsonPath();
        assertEquals("DELIVERED", after.getString("state"));
        assertEquals("sent", after.getString("deliveries[0].status"));
        given().get("/letters/" + letter.slug).then().statusCode(200)
                .body(containsString("by email, Message-ID " + messageId.replace("<", "&lt;").replace(">", "&gt;")))
                .body(not(containsString("ceo@company.example")));
        given().get("/letters/" + letter.slug + "/press").then().statusCode(200)
                .body(containsString("by email, Message-ID"))
                .body(not(containsString("policy@company.example")));
        for (MimeMessage r : received) {
            assertEquals(messageId, r.getHeader("Message-ID")[0]);
        }
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
