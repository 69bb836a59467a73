package org.undersigned.e2e;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData.LetterOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook admin page in a real browser: an admin registers an endpoint for a letter from the
 * admin bar, sees the secret once, opens the endpoint and trusts it; the list says so.
 */
@QuarkusTest
class WebhookPagesBrowserTest extends BrowserTest {

    @Test
    void anAdminRegistersAnEndpointAndTrustsIt() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String receiver = "https://receiver.example/hooks/" + letter.slug;
        browser.get(root + "admin/sign-in");
        browser.findElement(By.id("f-email")).sendKeys(admins.create(Role.ADMIN));
        browser.findElement(By.id("f-password")).sendKeys(Admins.PASSWORD);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        Browser.waitFor(browser, By.linkText("Webhooks")).click();
        Browser.waitForHeading(browser, "Webhooks");

        browser.findElement(By.id("f-url")).sendKeys(receiver);
        new Select(browser.findElement(By.id("f-letterId"))).selectByValue(String.valueOf(letter.id));
        browser.findElement(By.xpath("//label[code[text()='signature.approved']]")).click();
        browser.findElement(By.xpath("//button[text()='Register and show the secret']")).click();
        Browser.waitForHeading(browser, "Endpoint registered");
        String secret = browser.findElement(By.id("secret")).getText();
        assertTrue(secret.startsWith("whsec_"), secret);

        browser.findElement(By.partialLinkText("Back to " + receiver)).click();
        Browser.waitForText(browser, "Deliveries, newest first");
        assertFalse(browser.getPageSource().contains(secret), "the secret is shown once");
        browser.findElement(By.xpath("//button[text()='Trust with contact details']")).click();
        assertTrue(Browser.waitFor(browser, By.cssSelector(".panel.success")).getText().contains("audit trail"));
        assertEquals("sent (trusted)", browser.findElement(By.cssSelector("#endpoint-facts dd.trusted")).getText());
    }
}
