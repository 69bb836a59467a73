package org.undersigned.infra;

import org.undersigned.support.TestPorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged application (production build) on different ports, one
 * PostgreSQL, one real SMTP server: every email is sent once, the deadline job closes each
 * letter once, and a change made through one instance shows on the other within seconds.
 */
class TwoInstancesIT {

    /** The suite's database, or the one a side-by-side checkout chose (as the test profile reads it). */
    static final String TEST_DB = env("_TEST_UNDERSIGNED_DB_NAME", "undersigned_test");
    static final int PORT_A = TestPorts.port(8091);
    static final int PORT_B = TestPorts.port(8092);
    static final int SMTP_PORT = TestPorts.port(3927);
    static final String ADMIN = "cluster-admin@admins.example";
    static final String ADMIN_PASSWORD = "cluster admin password";

    static GreenMail smtp;
    static Process a;
    static Process b;
    static Path logA;
    static Path logB;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        KeyPair keys = KeyUtils.generateKeyPair(2048);
        logA = Files.createTempFile("instance-a", ".log");
        logB = Files.createTempFile("instance-b", ".log");
        a = start(PORT_A, keys, logA);
        b = start(PORT_B, keys, logB);
        awaitTrue(() -> ready(PORT_A) && ready(PORT_B), Duration.ofSeconds(90), "both instances ready");
    }

    @AfterAll
    static void stop() {
        for (Process p : new Process[]{a, b}) {
            if (p != null) {
                p.destroy();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void productionSendsHstsBesideTheOtherSecurityHeaders() {
        // The instances run the packaged app with the production profile; HSTS is off only in dev and tests.
        for (String path : List.of("/", "/no-such-page", "/static/site.css")) {
            RestAssured.given().baseUri("http://localhost").port(PORT_A).get(path).then()
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
        }
    }

    @Test
    void everyEmailIsSentOnceAndEveryDeadlineClosesOnce() throws Exception {
        String tokenA = token(PORT_A);
        String tokenB = token(PORT_B);

        long letterId = createAndPublish(PORT_A, tokenA, null);
        String slug = slugOf(PORT_A, tokenA, letterId);

        // Sign-ons spread over both instances; both run the outbox sender.
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = "cluster-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
            emails.add(email);
            int port = i % 2 == 0 ? PORT_A : PORT_B;
            RestAssured.given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .baseUri("http://localhost").port(port).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded")
                    .formParams(Map.of("kind", "ORGANIZATION", "organizationName", "Cluster Org " + i, "city", "Oakland",
                            "country", "US", "orgType", "ADVOCACY", "contactName", "C", "contactTitle", "D",
                            "email", email, "consentPublic", "yes"))
                    .post("/letters/" + slug + "/sign").then().statusCode(303);
        }
        // Counted by recipient: emails another test left queued in this database may arrive too.
        awaitTrue(() -> java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return emails.contains(m.getAllRecipients()[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count() >= 40, Duration.ofSeconds(30), "all 40 emails delivered");
        Thread.sleep(2000); // several more sender rounds on both instances: nothing may be sent again
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        for (String email : emails) {
            assertEquals(1, perRecipient.getOrDefault(email, 0), email + " received exactly one email");
        }
        try (Connection db = database()) {
            assertEquals(0, count(db, "select count(*) from outbox_email where sent_at is null and recipient like 'cluster-%'"));
        }

        // Letters whose deadline passes while both instances run their deadline job.
        List<Long> expiring = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(3);
        for (int i = 0; i < 4; i++) {
            expiring.add(createAndPublish(i % 2 == 0 ? PORT_A : PORT_B, i % 2 == 0 ? tokenA : tokenB, deadline));
        }
        awaitTrue(() -> expiring.stream().allMatch(id -> "CLOSED".equals(state(id))), Duration.ofSeconds(20), "letters closed");
        try (Connection db = database()) {
            for (long id : expiring) {
                assertEquals(1, count(db, "select count(*) from audit_event where letter_id = " + id
                        + " and action = 'letter.closed-at-deadline'"), "letter " + id + " closed exactly once");
            }
        }
        String logs = Files.readString(logA) + Files.readString(logB);
        for (long id : expiring) {
            String s = slugOf(PORT_A, tokenA, id);
            int mentions = logs.split(java.util.regex.Pattern.quote(s), -1).length - 1;
            assertEquals(1, mentions, "one instance, once, logged closing " + s);
        }
    }

    @Test
    void aChangeThroughOneInstanceShowsOnTheOtherWithinSeconds() throws Exception {
        String tokenA = token(PORT_A);
        long letterId = createAndPublish(PORT_A, tokenA, null);
        String slug = slugOf(PORT_A, tokenA, letterId);
        String before = page(PORT_B, "/letters/" + slug);
        assertTrue(before.contains("No signatures yet"));
        RestAssured.given().baseUri("http://localhost").port(PORT_A).auth().oauth2(tokenA).contentType(ContentType.JSON)
                .body(Map.of("postedOn", "2021-05-18", "markdown", "News from instance A")).post("/api/admin/letters/" + letterId + "/updates")
                .then().statusCode(201);
        awaitTrue(() -> page(PORT_B, "/letters/" + slug).contains("News from instance A"), Duration.ofSeconds(4),
                "instance B shows instance A's update");
    }

    // ----- helpers -----------------------------------------------------------------------------

    /** Plain HTTP/1.1 with a timeout, like a load balancer's health check: a test must never wait forever. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Each instance's management interface (health, metrics): its HTTP port + 1000. */
    static int managementPort(int port) {
        return port + 1000;
    }

    private static Process start(int port, KeyPair keys, Path log) throws IOException {
        String jar = System.getProperty("undersigned.app.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort(port),
                "-Dundersigned.db.host=" + env("UNDERSIGNED_DB_HOST", "localhost"),
                "-Dundersigned.db.port=" + env("UNDERSIGNED_DB_PORT", "5432"),
                "-Dundersigned.db.name=" + TEST_DB,
                // Production has no development defaults: a local run of the packaged app names its
                // database account and sender, and accepts the two unsafe values it needs on purpose.
                "-Dquarkus.datasource.username=undersigned", "-Dquarkus.datasource.password=undersigned",
                "-Dundersigned.mail.from=Undersigned <no-reply@two-instances.undersigned.org>",
                "-Dundersigned.production-checks.accept-unsafe=quarkus.datasource.password,undersigned.site.public-url",
                "-Dquarkus.mailer.host=localhost", "-Dquarkus.mailer.port=" + SMTP_PORT,
                "-Dquarkus.mailer.start-tls=DISABLED",
                "-Dundersigned.mail.send-every=200ms",
                "-Dundersigned.letter.deadline-check-every=500ms",
                "-Dundersigned.site.public-url=http://localhost:" + port,
                "-Dundersigned.auth.first-admin.email=" + ADMIN,
                "-Dundersigned.auth.first-admin.password=" + ADMIN_PASSWORD,
                "-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("UNDERSIGNED_AUTH_PRIVATE_KEY", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        pb.environment().put("UNDERSIGNED_AUTH_PUBLIC_KEY", pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.directory(new File(".").getAbsoluteFile());
        return pb.start();
    }

    private static long createAndPublish(int port, String token, Instant deadline) {
        Map<String, Object> body = new HashMap<>(Map.of("slug", "cluster-" + UUID.randomUUID().toString().substring(0, 8),
                "title", "Cluster letter", "addressees", "Everyone", "bodyMarkdown", "Text",
                "coalitionName", "Cluster Coalition", "coalitionContact", "press@example.org"));
        long id = RestAssured.given().baseUri("http://localhost").port(port).auth().oauth2(token)
                .contentType(ContentType.JSON).body(body).post("/api/admin/letters")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        if (deadline != null) {
            long version = RestAssured.given().baseUri("http://localhost").port(port).auth().oauth2(token)
                    .get("/api/admin/letters/" + id).then().extract().jsonPath().getLong("version");
            body.put("signDeadline", deadline.toString());
            body.put("version", version);
            RestAssured.given().baseUri("http://localhost").port(port).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(body).put("/api/admin/letters/" + id).then().statusCode(200);
        }
        RestAssured.given().baseUri("http://localhost").port(port).auth().oauth2(token)
                .post("/api/admin/letters/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static String slugOf(int port, String token, long id) {
        return RestAssured.given().baseUri("http://localhost").port(port).auth().oauth2(token)
                .get("/api/admin/letters/" + id).then().extract().path("slug");
    }

    private static String token(int port) {
        return RestAssured.given().baseUri("http://localhost").port(port).contentType(ContentType.JSON)
                .body(Map.of("email", ADMIN, "password", ADMIN_PASSWORD)).post("/api/auth/token")
                .then().statusCode(200).extract().path("token");
    }

    private static String state(long letterId) {
        try (Connection db = database(); PreparedStatement ps = db.prepareStatement("select state from letter where id = ?")) {
            ps.setLong(1, letterId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort(port) + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + env("UNDERSIGNED_DB_HOST", "localhost") + ":"
                + env("UNDERSIGNED_DB_PORT", "5432") + "/" + TEST_DB, "undersigned", "undersigned");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what + "\n--- A ---\n" + tail(logA) + "\n--- B ---\n" + tail(logB));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
