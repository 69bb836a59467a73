package org.undersigned.e2e;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Coalitions;
import org.undersigned.letter.LetterPartner;
import org.undersigned.signing.SignatureCounts;
import org.undersigned.letter.Letter;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner's page on another origin (a small HTTP server on another port) frames the sign-on
 * form and shows the count it fetches cross-origin. In real Chromium: the listed site may frame
 * the form, an unlisted letter's form refuses to be framed; the person signs inside the frame
 * (a third-party frame: no cookies), confirms from the email link and the partner's count moves.
 */
@QuarkusTest
class EmbedBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Coalitions coalitions;

    @Inject
    SignatureCounts counts;

    private ChromeDriver browser;
    private HttpServer partner;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (partner != null) {
            partner.stop(0);
        }
    }

    @Test
    void signInsideAFrameOnAPartnersSiteConfirmAndSeeTheCountMove() throws Exception {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        Letter unlisted = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        String app = root.toString().replaceAll("/$", "");
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // 127.0.0.1 is another origin (and another site) than the app's localhost.
        String partnerOrigin = "http://127.0.0.1:" + partner.getAddress().getPort();
        String page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Partner</title></head><body>
                <h1>Partner campaign page</h1>
                <p>Signatories so far: <span id="count">…</span></p>
                <iframe id="signing" src="%1$s/embed/letters/%2$s?as=individual" width="600" height="1200"></iframe>
                <iframe id="unlisted" src="%1$s/embed/letters/%3$s" width="300" height="200"></iframe>
                <script>
                fetch('%1$s/embed/letters/%2$s/count.json', {cache: 'no-cache'}).then(r => r.json())
                  .then(j => document.getElementById('count').textContent = String(j.total))
                  .catch(e => document.getElementById('count').textContent = 'blocked');
                </script>
                </body></html>""".formatted(app, letter.slug, unlisted.slug);
        partner.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        admins.api(Role.EDITOR).body(Map.of("origin", partnerOrigin)).post("/api/admin/letters/" + letter.id + "/embed/sites")
                .then().statusCode(200);

        browser.get(partnerOrigin + "/");
        waitForCount("0");

        // The unlisted letter's form refuses to be framed: the browser shows no form there.
        browser.switchTo().frame("unlisted");
        assertTrue(browser.findElements(By.cssSelector("form.sign-on")).isEmpty(), "an unlisted letter is not framed");
        browser.switchTo().defaultContent();

        browser.switchTo().frame("signing");
        String email = TestData.uniqueEmail("framed");
        Browser.waitFor(browser, By.id("f-name")).sendKeys("Frances Framed");
        browser.findElement(By.id("f-city")).sendKeys("Oakland");
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-consentPublic")).click();
        Thread.sleep(2_500); // a person takes longer than the minimum fill time (2 s in tests)
        browser.findElement(By.cssSelector("form.sign-on button[type=submit]")).click();
        Browser.waitForHeading(browser, "Check your email");
        assertTrue(browser.manage().getCookies().isEmpty(), "no cookie in the frame");
        browser.switchTo().defaultContent();
        assertEquals(partnerOrigin + "/", browser.getCurrentUrl(), "the partner's page stayed");

        // The email's link opens the site itself, as it would from a mail program.
        browser.get(root + "dev/mail");
        WebElement mail = browser.findElement(By.xpath("//li[contains(@class,'mail')][.//dd[text()='" + email + "']]"));
        mail.findElement(By.partialLinkText("/confirm/")).click();
        Browser.waitForHeading(browser, "Confirm your signature");
        browser.findElement(By.xpath("//button[text()='Confirm my signature']")).click();
        Browser.waitForText(browser, "your signature is confirmed");
        assertEquals(SignatureState.APPROVED, data.only(email).state());
        assertEquals(null, data.single("select bot_signal from signature where email = ?1", email), "not flagged");

        // Back on the partner's page, the count has moved (the badge may be cached for 30 s; this
        // page asks for a fresh figure, as a live counter would).
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            browser.get(partnerOrigin + "/");
            try {
                waitForCount("1");
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (System.currentTimeMillis() > until) {
                    throw e;
                }
            }
        }
    }

    /**
     * The issue's own scenario: a partner's page on another origin frames the form through that
     * partner's link; the person signs in the frame (ticking "share my contact details with …"),
     * confirms from the email, and that partner's count moves on the partner staff's page, read
     * in the browser after the count fold has run, while the other partner's stays at nought.
     */
    @Test
    void signThroughAPartnersLinkInsideAFrameConfirmAndSeeThatPartnersCountMove() throws Exception {
        Letter letter = data.open(LetterOptions.everyoneAutoApprovingIndividuals());
        LetterPartner river = coalitions.addPartner(Actor.SYSTEM, letter.id, "River Keepers", "river.example", "river-keepers", null);
        LetterPartner other = coalitions.addPartner(Actor.SYSTEM, letter.id, "Other Partner", null, "other-partner", null);
        String staff = admins.createPartnerStaff(river.id());
        String app = root.toString().replaceAll("/$", "");
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String partnerOrigin = "http://127.0.0.1:" + partner.getAddress().getPort();
        String page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>River Keepers</title></head><body>
                <h1>River Keepers campaign page</h1>
                <iframe id="signing" src="%1$s/embed/letters/%2$s?partner=river-keepers&amp;as=individual" width="600" height="1400"></iframe>
                </body></html>""".formatted(app, letter.slug);
        partner.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        admins.api(Role.EDITOR).body(Map.of("origin", partnerOrigin)).post("/api/admin/letters/" + letter.id + "/embed/sites")
                .then().statusCode(200);
        Admins.signIn(staff).browser().get("/admin/partner").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<td class=\"signed-on\">0</td>"));

        browser.get(partnerOrigin + "/");
        browser.switchTo().frame("signing");
        String email = TestData.uniqueEmail("framed-partner");
        Browser.waitFor(browser, By.id("f-name")).sendKeys("Rhea Riverside");
        assertEquals("river-keepers", browser.findElement(By.cssSelector("input[type=hidden][name=partner]")).getAttribute("value"));
        WebElement share = browser.findElement(By.id("f-shareWithPartner"));
        assertTrue(browser.findElement(By.cssSelector("label[for=f-shareWithPartner]")).getText().contains("River Keepers"));
        assertFalse(share.isSelected(), "the share consent starts unticked");
        browser.findElement(By.id("f-city")).sendKeys("Portland");
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-consentPublic")).click();
        share.click();
        Thread.sleep(2_500); // a person takes longer than the minimum fill time (2 s in tests)
        browser.findElement(By.cssSelector("form.sign-on button[type=submit]")).click();
        Browser.waitForHeading(browser, "Check your email");
        Browser.waitForText(browser, "You came through the invitation of River Keepers.");
        assertTrue(browser.manage().getCookies().isEmpty(), "no cookie in the frame");
        browser.switchTo().defaultContent();
        assertEquals(partnerOrigin + "/", browser.getCurrentUrl(), "the partner's page stayed");

        browser.get(root + "dev/mail");
        browser.findElement(By.xpath("//li[contains(@class,'mail')][.//dd[text()='" + email + "']]"))
                .findElement(By.partialLinkText("/confirm/")).click();
        Browser.waitForHeading(browser, "Confirm your signature");
        browser.findElement(By.xpath("//button[text()='Confirm my signature']")).click();
        Browser.waitForText(browser, "your signature is confirmed");
        assertEquals(SignatureState.APPROVED, data.only(email).state());
        assertEquals(river.id(), ((Number) data.single("select partner_id from signature where email = ?1", email)).longValue());
        assertEquals(Boolean.TRUE, data.single("select consent_share_with_partner from signature where email = ?1", email));

        // The partner's staff sign in and see their count moved, from the folded totals.
        counts.fold();
        browser.get(root + "admin/partner");
        Browser.waitForHeading(browser, "Sign in to manage letters");
        browser.findElement(By.id("f-email")).sendKeys(staff);
        browser.findElement(By.id("f-password")).sendKeys(Admins.PASSWORD);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        Browser.waitForHeading(browser, "Your partner's figures");
        assertEquals("1", browser.findElement(By.cssSelector("#figures td.signed-on")).getText());
        assertEquals("1", browser.findElement(By.cssSelector("#figures td.approved")).getText());
        admins.session(Role.EDITOR).browser().get("/admin/letters/" + letter.id + "/partners").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<tr id=\"partner-" + other.code() + "\">"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*<tr id=\"partner-river-keepers\">.*?<td class=\"signed-on\">1</td>.*"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*<tr id=\"partner-other-partner\">.*?<td class=\"signed-on\">0</td>.*"));
    }

    private void waitForCount(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(3))
                .withMessage(() -> "the partner page's count should read " + expected)
                .until(d -> expected.equals(d.findElement(By.id("count")).getText()));
    }
}
