package org.undersigned.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Chromium from the distribution (Debian's chromium and chromium-driver), never a
 * downloaded browser: nothing outside the package registries is reachable here.
 */
final class Browser {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** Waits (up to 10 s) for the page's h1 to read exactly this; fails with the page's h1 otherwise. */
    static void waitForHeading(org.openqa.selenium.WebDriver driver, String heading) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .withMessage(() -> "expected the heading '" + heading + "' on " + driver.getCurrentUrl())
                // The heading may belong to the page being left while we read it.
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(org.openqa.selenium.By.tagName("h1")).stream()
                        .anyMatch(h -> heading.equals(h.getText())));
    }

    /**
     * Waits (up to 10 s) for an element on the page a click leads to: a click returns before the
     * next page has necessarily loaded.
     */
    static org.openqa.selenium.WebElement waitFor(org.openqa.selenium.WebDriver driver, org.openqa.selenium.By what) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .withMessage(() -> "expected " + what + " on " + driver.getCurrentUrl())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(what).stream().findFirst().orElse(null));
    }

    /** Waits (up to 10 s) for the page to contain this text. */
    static void waitForText(org.openqa.selenium.WebDriver driver, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .withMessage(() -> "expected '" + text + "' on " + driver.getCurrentUrl())
                .until(d -> d.getPageSource().contains(text));
    }

    static ChromeDriver start() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver (deploy/run-tests.sh does this as root)");
        }
        Path profile = Files.createTempDirectory("undersigned-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1200,2000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
