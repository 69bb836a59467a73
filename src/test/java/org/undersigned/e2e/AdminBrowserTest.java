package org.undersigned.e2e;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop in a real browser: an organization signs and confirms; an admin signs in,
 * approves it in the queue; the organization appears on the public letter.
 */
@QuarkusTest
class AdminBrowserTest extends BrowserTest {

    @Test
    void signConfirmApproveAndSeeItOnThePublicLetter() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        String email = TestData.uniqueEmail("e2e-admin");

        browser.get(root + "letters/" + letter.slug);
        browser.findElement(By.id("f-organizationName")).sendKeys("Encode Justice");
        browser.findElement(By.id("f-city")).sendKeys("Washington");
        new Select(browser.findElement(By.id("f-country"))).selectByValue("US");
        new Select(browser.findElement(By.id("f-orgType"))).selectByValue("ADVOCACY");
        browser.findElement(By.id("f-contactName")).sendKeys("Sam Organizer");
        browser.findElement(By.id("f-contactTitle")).sendKeys("Coordinator");
        browser.findElement(By.id("f-email")).sendKeys(email);
        browser.findElement(By.id("f-consentPublic")).click();
        browser.findElement(By.cssSelector("form.sign-on button[type=submit]")).click();
        Browser.waitForHeading(browser, "Check your email");

        browser.get(root + "dev/mail");
        browser.findElement(By.xpath("//li[contains(@class,'mail')][.//dd[text()='" + email + "']]"))
                .findElement(By.partialLinkText("/confirm/")).click();
        browser.findElement(By.xpath("//button[text()='Confirm my signature']")).click();
        Browser.waitForText(browser, "Waiting for review");

        // The admin signs in; the queue link brings them to the sign-in page first.
        String adminEmail = admins.create(Role.ADMIN);
        browser.get(root + "admin/letters/" + letter.id + "/queue");
        Browser.waitForHeading(browser, "Sign in to manage letters");
        browser.findElement(By.id("f-email")).sendKeys(adminEmail);
        browser.findElement(By.id("f-password")).sendKeys(Admins.PASSWORD);
        browser.findElement(By.xpath("//button[text()='Sign in']")).click();
        Browser.waitForHeading(browser, "Vetting queue");
        assertTrue(browser.getPageSource().contains("<bdi>Sam Organizer</bdi>, <bdi>Coordinator</bdi>"));

        browser.findElement(By.xpath("//tr[.//a[normalize-space(.)='Encode Justice']]//button[starts-with(normalize-space(.),'Approve')]")).click();
        assertTrue(Browser.waitFor(browser, By.cssSelector(".panel.success")).getText().contains("approved"));

        browser.get(root + "letters/" + letter.slug);
        Browser.waitForText(browser, "Signed by 1 organization");
        assertTrue(browser.findElement(By.cssSelector("ul.signatories")).getText().contains("Encode Justice"));
    }
}
