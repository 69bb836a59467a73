package org.undersigned.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.TestData.LetterOptions;
import org.undersigned.support.TestData;

import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security headers are on every kind of response — pages, API answers, errors, static
 * files, health checks, refusals — not only on the happy path. (HSTS, production only, is checked
 * against the packaged app in TwoInstancesIT.)
 */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestData data;

    @Test
    void everyResponseCarriesTheHeaders() {
        Letter letter = data.open(LetterOptions.everyone());
        List<Supplier<Response>> requests = List.of(
                () -> given().accept("text/html").get("/"),
                () -> given().accept("text/html").get("/letters/" + letter.slug),
                () -> given().get("/api/letters/" + letter.slug),
                () -> given().accept("text/html").get("/letters/no-such-letter"),
                () -> given().get("/api/letters/no-such-letter"),
                () -> given().get("/static/site.css"),
                () -> given().get("/q/health/ready"),
                () -> given().contentType("application/json").body("{").post("/api/letters/" + letter.slug + "/signatures"),
                () -> given().accept("text/html").get("/letters/%ff"),
                () -> given().accept("text/html").get("/admin"),
                // Embeddable pages of a letter with no site listed, and the badges: nobody may frame them.
                () -> given().accept("text/html").get("/embed/letters/" + letter.slug),
                () -> given().get("/embed/letters/" + letter.slug + "/count.json"),
                () -> given().get("/embed/letters/" + letter.slug + "/count.svg"),
                () -> given().get("/letters/" + letter.slug + "/share.png"));
        for (Supplier<Response> request : requests) {
            Response r = request.get();
            String csp = r.header("Content-Security-Policy");
            assertNotNull(csp, "CSP on " + r.statusCode() + " " + r.contentType());
            String scripts = csp.replaceAll(".*script-src ([^;]*).*", "$1");
            assertFalse(scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(csp.contains("default-src 'self'"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("no-referrer", r.header("Referrer-Policy"));
            assertEquals("DENY", r.header("X-Frame-Options"));
        }
    }
}
