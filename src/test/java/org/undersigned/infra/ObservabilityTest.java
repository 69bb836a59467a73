package org.undersigned.infra;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.mail.MailMetrics;
import org.undersigned.support.Admins;
import org.undersigned.support.Background;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;
import org.undersigned.vetting.VettingQueueMetrics;

import org.eclipse.microprofile.config.ConfigProvider;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metrics and health on the management interface: a sign-on, a refused one, a 429, sent email,
 * cached pages, a PDF and the vetting queue each move their meter in a real Prometheus scrape.
 * Also the request id, and absolute URLs behind a TLS-terminating proxy.
 */
@QuarkusTest
class ObservabilityTest {

    /** The management interface's test port (9001, or _TEST_QUARKUS_MANAGEMENT_TEST_PORT for side-by-side checkouts). */
    static final int MANAGEMENT_PORT = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    static final String metrics = "http://localhost:" + MANAGEMENT_PORT + "/q/metrics";
    static final String ready = "http://localhost:" + MANAGEMENT_PORT + "/q/health/ready";

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    Background background;

    @Inject
    MailMetrics mailMetrics;

    @Inject
    VettingQueueMetrics vettingMetrics;

    @AfterEach
    void defaultLimits() {
        admins.api(Role.ADMIN).delete("/api/admin/rate-limits/sign-on").then().statusCode(200);
    }

    @Test
    void countersMoveInTheScrapeAfterASignOn() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        double accepted = value("undersigned_signons_total", "reason=\"new\",result=\"accepted\"");
        double invalid = value("undersigned_signons_total", "reason=\"invalid_input\",result=\"refused\"");
        double sent = value("undersigned_mail_sends_total", "outcome=\"sent\"");

        String email = TestData.uniqueEmail("metrics");
        SignOnForms.post(letter.slug, SignOnForms.organization("Metrics Org", email)).then().statusCode(303);
        SignOnForms.post(letter.slug, SignOnForms.organization("", TestData.uniqueEmail("metrics-bad"))).then().statusCode(400);
        assertEquals(accepted + 1, value("undersigned_signons_total", "reason=\"new\",result=\"accepted\""));
        assertEquals(invalid + 1, value("undersigned_signons_total", "reason=\"invalid_input\",result=\"refused\""));

        // The confirmation is sent (by the scheduled sender, or here); the gauges read the outbox.
        background.sendDueMail();
        assertTrue(value("undersigned_mail_sends_total", "outcome=\"sent\"") >= sent + 1);
        MailMetrics.Snapshot outbox = mailMetrics.refresh();
        assertEquals((double) outbox.backlog(), value("undersigned_mail_backlog", ""));
        assertEquals((double) outbox.oldestWaitingSeconds(), value("undersigned_mail_oldest_waiting_seconds", ""));

        // Confirmed, the entry waits for a vetter: the per-letter gauge (from the maintained counts) shows it.
        data.confirm(email);
        assertEquals(1L, vettingMetrics.refresh().get(letter.slug));
        assertEquals(1.0, value("undersigned_vetting_waiting", "letter=\"" + letter.slug + "\""));

        // Approved, it is on the public list: downloading the list counts its one row.
        data.approve(email);
        double exported = value("undersigned_export_rows_total", "");
        given().get("/letters/" + letter.slug + "/signatories.csv").then().statusCode(200);
        assertEquals(exported + 1, value("undersigned_export_rows_total", ""));
    }

    @Test
    void rateLimitedRequestsPageCacheAndPdfRendersAreCounted() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        double limited = value("undersigned_rate_limited_total", "limit=\"sign_on\"");
        admins.api(Role.ADMIN).body(Map.of("perMinute", 1, "burst", 1)).put("/api/admin/rate-limits/sign-on").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "198.51.250.7").config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false)
                    .accept("text/html").contentType("application/x-www-form-urlencoded")
                    .formParams(Map.of("formStamp", SignOnForms.stamp(letter.slug)))
                    .post("/letters/" + letter.slug + "/sign");
        }
        assertEquals(limited + 1, value("undersigned_rate_limited_total", "limit=\"sign_on\""));

        double hits = value("undersigned_page_cache_total", "result=\"hit\"");
        double misses = value("undersigned_page_cache_total", "result=\"miss\"");
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200);
        given().accept("text/html").get("/letters/" + letter.slug).then().statusCode(200);
        assertTrue(value("undersigned_page_cache_total", "result=\"miss\"") >= misses + 1);
        assertTrue(value("undersigned_page_cache_total", "result=\"hit\"") >= hits + 1);
        assertTrue(value("undersigned_page_cache_entries", "cache=\"pages\"") >= 1, "the page is held");
        assertTrue(value("undersigned_page_cache_size_bytes", "cache=\"pages\"") > 0);

        double renders = value("undersigned_pdf_render_seconds_count", "");
        given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).contentType(containsString("pdf"));
        assertEquals(renders + 1, value("undersigned_pdf_render_seconds_count", ""));
        assertTrue(value("undersigned_pdf_render_seconds_sum", "") > 0);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        RestAssured.given().get(ready).then().statusCode(200)
                .body("checks.name", hasItem("outbox-lag"))
                .body("checks.find { it.name == 'outbox-lag' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-lag' }.data.status", matchesPattern("ok|degraded"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        // Routes are labelled by template: no slug or link token reaches a label.
        String scrape = RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
        assertFalse(scrape.contains("uri=\"/confirm/") && !scrape.contains("uri=\"/confirm/{token}"), "raw paths in labels");
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() {
        given().get("/").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "0123456789abcdef0123456789abcdef").get("/").then()
                .header("X-Request-Id", equalTo("0123456789abcdef0123456789abcdef"));
        given().header("X-Request-Id", "<script>").get("/").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    /** One sample of the scrape: the metric with exactly these labels (sorted, as Prometheus writes them). */
    private double value(String name, String labels) {
        String scrape = RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
        String head = labels.isEmpty() ? Pattern.quote(name) + "(?:\\{[^}]*\\})?" : Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\}";
        Matcher m = Pattern.compile("(?m)^" + head + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
