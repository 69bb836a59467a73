package org.undersigned.e2e;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.undersigned.letter.Letter;
import org.undersigned.signing.SignatureState;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newcomer's path in a real browser: read the letter, fill in the form (first with a
 * mistake), find the email in the dev mailbox, follow its link and confirm.
 */
@QuarkusTest
class SignOnBrowserTest extends BrowserTest {

    @Test
    void signConfirmThroughTheDevMailboxAndSeeTheConfirmation() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        String email = TestData.uniqueEmail("browser");
        browser.get(root + "letters/" + letter.slug);
        assertEquals(letter.title, browser.findElement(By.tagName("h1")).getText());

        browser.findElement(By.linkText("Add your signature")).click();
        browser.findElement(By.id("f-organizationName")).sendKeys("Détroit Community Technology Project");
        browser.findElement(By.id("f-city")).sendKeys("Detroit");
        browser.findElement(By.id("f-region")).sendKeys("MI");
        new Select(browser.findElement(By.id("f-country"))).selectByVisibleText("United States");
        new Select(browser.findElement(By.id("f-orgType"))).selectByValue("MEDIA_TECH");
        browser.findElement(By.id("f-contactName")).sendKeys("Ana Contact");
        browser.findElement(By.id("f-contactTitle")).sendKeys("Director");
        browser.findElement(By.id("f-email")).sendKeys(email);
        // Forgetting the consent box brings the form back with the error linked from the summary.
        browser.findElement(By.cssSelector("form.sign-on button[type=submit]")).click();
        WebElement summary = Browser.waitFor(browser, By.className("error-summary"));
        assertTrue(summary.getText().contains("Tick the box"), summary.getText());
        assertEquals("Détroit Community Technology Project",
                browser.findElement(By.id("f-organizationName")).getAttribute("value"), "input is kept");
        summary.findElement(By.tagName("a")).click();
        assertTrue(browser.getCurrentUrl().endsWith("#f-consentPublic"));

        browser.findElement(By.id("f-consentPublic")).click();
        browser.findElement(By.cssSelector("form.sign-on button[type=submit]")).click();
        Browser.waitForHeading(browser, "Check your email");

        browser.get(root + "dev/mail");
        WebElement mail = browser.findElement(By.xpath("//li[contains(@class,'mail')][.//dd[text()='" + email + "']]"));
        mail.findElement(By.partialLinkText("/confirm/")).click();
        Browser.waitForHeading(browser, "Confirm your signature");
        browser.findElement(By.xpath("//button[text()='Confirm my signature']")).click();

        Browser.waitForText(browser, "your signature is confirmed");
        Browser.waitForText(browser, "Waiting for review");
        assertEquals(SignatureState.PENDING_REVIEW, data.only(email).state());
    }
}
