package org.undersigned.e2e;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.mail.RealSmtp;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Admins;
import org.undersigned.support.Background;
import org.undersigned.support.Mails;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spanish speaker in a real browser: picks "Español" on the letter (a plain link), reads the
 * Spanish translation, signs with the Spanish form, receives the Spanish confirmation email over
 * real SMTP, follows its link and confirms on Spanish pages.
 */
@QuarkusTest
@TestProfile(RealSmtp.class)
class SpanishSignOnBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    LetterService letters;

    @Inject
    Background background;

    private ChromeDriver browser;
    private GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = background.freshSmtpServer(RealSmtp.PORT);
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        smtp.stop();
    }

    @Test
    void signInSpanishAndReceiveTheSpanishEmail() throws Exception {
        Letter draft = data.draft(LetterOptions.organizationsOnly());
        given().auth().oauth2(admins.token(Role.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("title", "Alto al reconocimiento facial", "addressees", "Sr. Bezos y Sr. Jassy",
                        "bodyMarkdown", "Le pedimos que **pare**."))
                .put("/api/admin/letters/" + draft.id + "/translations/es").then().statusCode(200);
        Letter letter = letters.publish(Actor.SYSTEM, draft.id);
        String email = TestData.uniqueEmail("navegador");

        browser.get(root + "letters/" + letter.slug);
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.linkText("Español")).click();
        Browser.waitForHeading(browser, "Alto al reconocimiento facial");
        assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.getCurrentUrl().endsWith("?lang=es"), browser.getCurrentUrl());
        assertTrue(browser.manage().getCookies().isEmpty(), "no cookie remembers the choice");

        browser.findElement(By.linkText("Añada su firma")).click();
        browser.findElement(By.id("f-organizationName")).sendKeys("Colectivo Datos Libres");
        browser.findElement(By.id("f-city")).sendKeys("Ciudad de México");
        new Select(browser.findElement(By.id("f-country"))).selectByVisibleText("México");
        new Select(browser.findElement(By.id("f-orgType"))).selectByVisibleText("Organización de medios o de tecnología");
        browser.findElement(By.id("f-contactName")).sendKeys("Ana Contacto");
        browser.findElement(By.id("f-contactTitle")).sendKeys("Directora");
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-consentPublic")).click();
        browser.findElement(By.cssSelector("form.sign-on button[type=submit]")).click();
        Browser.waitForHeading(browser, "Revise su correo");
        assertTrue(browser.getPageSource().contains("«\u2068Alto al reconocimiento facial\u2069»"), "the title as read");

        background.sendDueMail();
        MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertEquals(email, mail.getAllRecipients()[0].toString());
        assertEquals("Confirme su firma: Alto al reconocimiento facial", mail.getSubject());
        String body = ((String) ((Multipart) mail.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("Confirme que desea firmar"), body);

        browser.get(root.toString().replaceAll("/$", "") + Mails.linkPath(body, "/confirm/"));
        Browser.waitForHeading(browser, "Confirme su firma");
        browser.findElement(By.xpath("//button[text()='Confirmar mi firma']")).click();
        Browser.waitForText(browser, "Gracias, su firma está confirmada");
        Browser.waitForText(browser, "Pendiente de revisión");
        assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(SignatureState.PENDING_REVIEW, data.only(email).state());
        assertEquals("es", data.single("select language from signature where email = ?1", email));
    }
}
