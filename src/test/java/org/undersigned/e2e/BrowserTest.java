package org.undersigned.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.undersigned.support.Admins;
import org.undersigned.support.TestData;

import java.net.URL;

/**
 * What every end-to-end test starts from: the application's address, the test data and admins,
 * and a fresh headless Chromium for each test ({@link Browser}), closed after it.
 */
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    Admins admins;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
