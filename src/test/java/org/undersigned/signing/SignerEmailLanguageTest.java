package org.undersigned.signing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.mail.RealSmtp;
import org.undersigned.support.RealSmtpTest;
import org.undersigned.support.Mails;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;
import org.undersigned.web.Bidi;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signer's emails, through a real SMTP server, are written in the language the signer used
 * (stored on the signature), with the letter's title as they read it and their names isolated.
 */
@QuarkusTest
@TestProfile(RealSmtp.class)
class SignerEmailLanguageTest extends RealSmtpTest {

    @Test
    void aSpanishSignerGetsSpanishEmailsFromConfirmationToApproval() throws Exception {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        given().auth().oauth2(admins.token(Role.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("title", "Alto al reconocimiento facial", "addressees", "Sr. Bezos",
                        "bodyMarkdown", "Le pedimos que **pare**."))
                .put("/api/admin/letters/" + draft.id + "/translations/es").then().statusCode(200);
        Letter letter = io.quarkus.arc.Arc.container().instance(org.undersigned.letter.LetterService.class).get()
                .publish(org.undersigned.audit.Actor.SYSTEM, draft.id);
        String email = TestData.uniqueEmail("es-mail");
        Map<String, String> form = new HashMap<>(SignOnForms.organization("مركز الحقوق الرقمية", email));
        form.put("lang", "es");
        SignOnForms.post(letter.slug, form).then().statusCode(303);

        MimeMessage confirm = receivedBy(email);
        assertEquals("Confirme su firma: Alto al reconocimiento facial", confirm.getSubject());
        String body = text(confirm);
        assertTrue(body.startsWith("Hola, " + Bidi.isolate("Ana Contact") + ":"), body);
        assertTrue(body.contains("Confirme que desea firmar «" + Bidi.isolate("Alto al reconocimiento facial")
                + "» en nombre de " + Bidi.isolate("مركز الحقوق الرقمية") + ":"), "the Arabic name is isolated: " + body);
        assertTrue(body.contains("Este enlace funciona una sola vez y hasta el "), body);
        assertTrue(body.matches("(?s).*hasta el \\d{1,2} de [a-z]+ de \\d{4}, .*"), "a Spanish date: " + body);

        // The pages the links lead to speak Spanish too.
        String confirmPath = Mails.linkPath(body, "/confirm/");
        given().accept("text/html").get(confirmPath).then().statusCode(200)
                .body(containsString("<html lang=\"es\" dir=\"ltr\">"))
                .body(containsString("Confirmar mi firma"));
        given().redirects().follow(false).post(confirmPath).then().statusCode(303);

        long sid = ((Number) data.single("select id from signature where email = ?1", email)).longValue();
        long version = ((Number) data.single("select version from signature where email = ?1", email)).longValue();
        given().auth().oauth2(admins.token(Role.VETTER)).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/api/admin/signatures/" + sid + "/approve").then().statusCode(200);
        MimeMessage approved = receivedBy(email);
        assertEquals("Su firma ya está en la carta: Alto al reconocimiento facial", approved.getSubject());
        String approvedBody = text(approved);
        assertTrue(approvedBody.contains("Buenas noticias: su firma en nombre de"), approvedBody);
        assertTrue(approvedBody.contains("/letters/" + letter.slug + "?lang=es"), "the letter link keeps the language");
    }

    @Test
    void aFrenchBrowserGetsFrenchEmailsAndAnEnglishOneStaysEnglish() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String french = TestData.uniqueEmail("fr-mail");
        given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).header("Accept-Language", "fr")
                .contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter.slug, SignOnForms.organization("Quadrature du Net", french)))
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        MimeMessage m = receivedBy(french);
        assertEquals("Merci de confirmer votre signature\u00a0: " + letter.title, m.getSubject());
        assertTrue(text(m).contains("Bonjour " + Bidi.isolate("Ana Contact") + ","), text(m));
        // Signing again with the same address: the "already signed" note is in French as well.
        given().config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter.slug, SignOnForms.organization("Quadrature du Net", french)))
                .post("/letters/" + letter.slug + "/sign").then().statusCode(303);
        MimeMessage again = receivedBy(french);
        assertTrue(text(again).contains("Quelqu’un (sans doute vous) a demandé à signer de nouveau"), text(again));

        String english = TestData.uniqueEmail("en-mail");
        SignOnForms.post(letter.slug, SignOnForms.organization("Fight for the Future", english)).then().statusCode(303);
        MimeMessage en = receivedBy(english);
        assertEquals("Please confirm your signature: " + letter.title, en.getSubject());
        assertTrue(text(en).startsWith("Hello " + Bidi.isolate("Ana Contact") + ","), text(en));
    }

    private static Map<String, String> withStamp(String slug, Map<String, String> form) {
        Map<String, String> f = new HashMap<>(form);
        f.put("formStamp", SignOnForms.stamp(slug));
        return f;
    }
}
