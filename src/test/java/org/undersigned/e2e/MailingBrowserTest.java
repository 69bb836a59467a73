package org.undersigned.e2e;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign loop in a real browser: an editor posts an update, sends a test, confirms the
 * number of recipients and sends it; the signer follows the unsubscribe link in the email.
 */
@QuarkusTest
class MailingBrowserTest extends BrowserTest {

    @Test
    void anEditorSendsAnUpdateAndASignerUnsubscribesFromTheEmail() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String signer = TestData.uniqueEmail("e2e-updates");
        Map<String, String> form = SignOnForms.organization("Fight for the Future", signer);
        form.put("consentUpdates", "yes");
        SignOnForms.post(letter.slug, form).then().statusCode(303);
        data.approve(signer);

        String editor = admins.create(Role.EDITOR);
        browser.get(root + "admin/letters/" + letter.id + "/updates");
        Browser.waitForHeading(browser, "Sign in to manage letters");
        browser.findElement(By.id("f-email")).sendKeys(editor);
        browser.findElement(By.id("f-password")).sendKeys(Admins.PASSWORD);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        Browser.waitForHeading(browser, "Campaign updates");

        browser.findElement(By.id("f-markdown")).sendKeys("Victory: the moratorium is now permanent.");
        browser.findElement(By.xpath("//button[text()='Post update']")).click();
        Browser.waitForText(browser, "Posted updates");
        browser.findElement(By.xpath("//button[starts-with(normalize-space(.),'Email this update')]")).click();
        Browser.waitForText(browser, "This will go to");
        assertTrue(browser.findElement(By.id("recipients")).getText().contains("1 signers"));

        browser.findElement(By.xpath("//button[starts-with(normalize-space(.),'Send a test to')]")).click();
        Browser.waitForText(browser, "A test copy is on its way");
        browser.findElement(By.xpath("//button[normalize-space(.)='Send to 1 signers']")).click();
        Browser.waitForText(browser, "Sending. Each signer gets it once");

        OutboxEmail update = await(() -> data.emailsTo(signer).stream().filter(e -> "mailing.update".equals(e.kind))
                .filter(OutboxEmail::isSent).findFirst().orElse(null));
        assertTrue(update.bodyText.contains("Victory: the moratorium is now permanent."));
        assertEquals(1, data.emailsTo(editor).stream().filter(e -> "mailing.test".equals(e.kind)).count());
        browser.get(root + "admin/mailings/" + update.mailingId);
        Browser.waitForText(browser, "Accepted by the mail server");
        assertTrue(browser.findElement(By.id("progress")).getText().contains("sent"));

        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+/(unsubscribe/[0-9]+\\.[A-Za-z0-9_-]+)")
                .matcher(update.bodyText);
        assertTrue(link.find(), update.bodyText);
        browser.get(root + link.group(1));
        Browser.waitForHeading(browser, "Stop campaign updates");
        browser.findElement(By.xpath("//button[text()='Stop sending me updates']")).click();
        Browser.waitForHeading(browser, "You are unsubscribed");
        assertFalse(data.only(signer).consentUpdates());
    }

    private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out");
    }
}
