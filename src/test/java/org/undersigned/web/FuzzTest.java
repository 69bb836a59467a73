package org.undersigned.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 random and hostile requests to the public form and the API: over-long, empty, wrong
 * types, invalid UTF-8, markup and SQL, deep nesting, huge bodies. No answer may be a 5xx; no
 * stored markup may come back unescaped; every stored entry is whole (with its email).
 * Seeded, so a failure reproduces.
 */
@QuarkusTest
class FuzzTest {

    private static final int REQUESTS = 10_000;
    private static final String[] HOSTILE = {
            "", " ", "\t\n", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "'; drop table signature; --", "1' or '1'='1", "${jndi:ldap://x/a}", "{{7*7}}", "{#include x/}",
            "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "\u0000", "\u202Eevil\u202C", "💥🙈",
            "Ünïcödé Ōrğ", "مؤسسة", "组织", "a\r\nBcc: victim@example.org", "%00", "%ff%fe", "../../etc/passwd",
            "x".repeat(201), "y".repeat(5000), "null", "true", "-1", "1e309", "ORGANIZATION", "INDIVIDUAL", "US", "ZZ",
            "someone@example.org", "not-an-email", "a@b", "\"quoted\"@example.org", "ADVOCACY", "yes", "no"
    };
    private static final String[] FIELDS = {"kind", "organizationName", "website", "city", "region", "country", "orgType",
            "contactName", "contactTitle", "email", "phone", "name", "affiliation", "consentPublic", "consentUpdates",
            "formStamp", "referenceCode", "extra", "csrf", "__proto__"};

    @Inject
    TestData data;

    @Test
    void tenThousandHostileRequestsGetNoServerErrorAndStoreNothingBroken() throws Exception {
        Letter letter = data.open(LetterOptions.everyone());
        Random random = new Random(20261121L);
        HttpClient http = newClient();
        String root = "http://localhost:" + RestAssured.port;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = request(root, letter.slug, random, i);
            HttpResponse<String> response;
            try {
                // Bounded here as well as by the request's own timeout, which the JDK client does not
                // apply in every state of a connection: a hang must fail the test, naming the request.
                response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("request " + i + " " + request.method() + " " + request.uri() + " "
                        + request.headers().map() + " got no answer", e);
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 414) {
                // The server refuses an over-long request line and closes the connection without saying
                // so in a header; this client would otherwise reuse the dead connection.
                http = newClient();
            }
            if (response.statusCode() >= 500 && failures.size() < 10) {
                failures.add(request.method() + " " + request.uri() + " → " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            String body = response.body();
            assertFalse(body.contains("Exception") || body.contains("org.undersigned.") || body.contains("at java."),
                    "no internals in any answer: " + request.uri() + " → " + body.substring(0, Math.min(300, body.length())));
        }
        assertTrue(failures.isEmpty(), "server errors: " + failures + " (all statuses: " + statuses + ")");
        assertTrue(statuses.keySet().stream().anyMatch(s -> s < 400), "some fuzzed sign-ons were valid: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > 1000, "most were refused with 400: " + statuses);

        // Nothing partially written: every stored entry (except a honeypot bot's) has its email, and no email is orphaned.
        assertEquals(0, data.countRows("signature s", "s.letter_id = ?1 and s.bot_signal is distinct from 'HONEYPOT'"
                + " and not exists (select 1 from outbox_email o where o.signature_id = s.id)", letter.id));
        assertEquals(0, data.countRows("outbox_email o", "o.signature_id is not null and not exists "
                + "(select 1 from signature s where s.id = o.signature_id)"));
        assertEquals(0, data.countRows("signature", "letter_id = ?1 and (btrim(display_name) = '' or email is null "
                + "or length(display_name) > 200 or display_name ~ '[[:cntrl:]]')", letter.id));

        // Stored markup never comes back unescaped, once every stored entry is public.
        assertTrue(data.approveAll(letter.id) > 0);
        List<String> pages = List.of("/letters/" + letter.slug, "/letters/" + letter.slug + "/signatories",
                "/letters/" + letter.slug + "/signatories?q=%3Cscript", "/letters/" + letter.slug + "/press");
        for (String path : pages) {
            String html = RestAssured.given().accept("text/html").get(path).then().statusCode(200).extract().asString();
            for (String raw : List.of("<script>alert", "<img src=x", "<svg onload", "href=\"javascript:", "href=\"data:")) {
                assertFalse(html.contains(raw), path + " contains unescaped " + raw);
            }
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest request(String root, String slug, Random random, int i) {
        int kind = random.nextInt(100);
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        if (i % 2000 == 1999) {
            // A few huge bodies: refused at the door (413), never read into memory.
            byte[] huge = new byte[7 * 1024 * 1024];
            java.util.Arrays.fill(huge, (byte) 'a');
            return b.uri(URI.create(root + "/api/letters/" + slug + "/signatures")).header("Content-Type", "application/json")
                    .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build();
        }
        if (kind < 40) {
            return b.uri(URI.create(root + "/letters/" + slug + "/sign"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form(random))).build();
        }
        if (kind < 80) {
            return b.uri(URI.create(root + "/api/letters/" + slug + "/signatures"))
                    .header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json(random))).build();
        }
        String token = random.nextBoolean() ? "A".repeat(43) : URLEncoder.encode(pick(random), StandardCharsets.UTF_8);
        String path = switch (random.nextInt(6)) {
            case 0 -> "/letters/" + slug + "/link";
            case 1 -> "/confirm/" + token + "/renew";
            case 2 -> "/manage/" + token;
            case 3 -> "/manage/" + token + "/erase";
            case 4 -> "/confirm/" + token;
            default -> "/letters/" + URLEncoder.encode(pick(random), StandardCharsets.UTF_8) + "/sign";
        };
        return b.uri(URI.create(root + (path.contains("/letters//") ? "/letters/x/sign" : path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form(random))).build();
    }

    private static byte[] form(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int fields = random.nextInt(FIELDS.length + 3);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                out.write('&');
            }
            String name = random.nextInt(20) == 0 ? pick(random) : FIELDS[random.nextInt(FIELDS.length)];
            write(out, URLEncoder.encode(name, StandardCharsets.UTF_8));
            out.write('=');
            if (random.nextInt(15) == 0) {
                write(out, "%C3%28%FF%E2%82"); // invalid UTF-8 once decoded
            } else if (random.nextInt(15) == 0) {
                write(out, "%zz%"); // broken percent-encoding
            } else {
                write(out, URLEncoder.encode(value(random), StandardCharsets.UTF_8));
            }
        }
        if (random.nextInt(4) == 0) {
            // A plausible entry, so that some sign-ons are accepted and stored.
            write(out, "&kind=ORGANIZATION&organizationName=" + URLEncoder.encode(pick(random) + " Org " + random.nextInt(1_000_000),
                    StandardCharsets.UTF_8) + "&city=Oakland&country=US&orgType=ADVOCACY&contactName=Fuzz&email=fuzz"
                    + random.nextInt(1_000_000) + "%40example.org&consentPublic=yes&formStamp="
                    + URLEncoder.encode(SignOnForms.stamp("any"), StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] json(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, '{', '}'}; // invalid UTF-8
            case 1:
                return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 2:
                return "{\"kind\": ".getBytes(StandardCharsets.UTF_8); // truncated
            case 3:
                return pick(random).getBytes(StandardCharsets.UTF_8);
            default:
                break;
        }
        StringBuilder s = new StringBuilder("{");
        int fields = random.nextInt(FIELDS.length);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                s.append(',');
            }
            s.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
            switch (random.nextInt(6)) {
                case 0 -> s.append(random.nextInt());
                case 1 -> s.append("[1,\"a\",{}]");
                case 2 -> s.append("{\"nested\":{\"deeper\":true}}");
                case 3 -> s.append(random.nextBoolean());
                case 4 -> s.append("null");
                default -> s.append(quote(value(random)));
            }
        }
        if (random.nextInt(3) == 0) {
            s.append(fields > 0 ? "," : "").append("\"kind\":\"INDIVIDUAL\",\"name\":").append(quote(pick(random) + " Person " + random.nextInt(1_000_000)))
                    .append(",\"city\":\"Seattle\",\"email\":\"fz").append(random.nextInt(1_000_000)).append("@example.org\",\"consentPublic\":true");
        }
        return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Random random) {
        if (random.nextInt(4) == 0) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : 32 + random.nextInt(95));
            }
            return s.toString();
        }
        return pick(random);
    }

    private static String pick(Random random) {
        return HOSTILE[random.nextInt(HOSTILE.length)];
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
