package org.undersigned.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.undersigned.support.TestPorts;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the packaged application exactly as the container image's entrypoint does (the
 * command line is read from the {@code image} profile of pom.xml, the one Jib puts in the
 * image), with the image's file layout (the fast-jar under a read-only {@code /work}), as a
 * non-root user, configured as deploy/kubernetes configures it (environment variables, secrets
 * as mounted files), and sees it become ready. The production profile writes JSON log lines:
 * each must parse, carry a timestamp, and hold no personal data planted in requests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageEntrypointIT {

    static final String TEST_DB = System.getenv().getOrDefault("_TEST_UNDERSIGNED_DB_NAME", "undersigned_test");
    static final int HTTP_PORT = TestPorts.port(8093);
    static final int MANAGEMENT_PORT = TestPorts.port(9093);
    /** The image's user (quarkus.jib.user). */
    static final String IMAGE_UID = "185";
    static final String CANARY = "Canaryimage Zqx";
    static final String CANARY_EMAIL = "canary.image.zqx@canary.example";

    static Path root;
    static Path work;
    static Path log;
    static Process app;
    static boolean asRoot;

    @BeforeAll
    static void startAsTheImageDoes() throws Exception {
        List<String> entrypoint = imageEntrypoint();
        assertEquals("java", entrypoint.get(0));
        assertTrue(entrypoint.contains("-XX:+ExitOnOutOfMemoryError"), entrypoint.toString());

        root = Files.createTempDirectory("undersigned-image");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        work = root.resolve("work");
        copyTree(Path.of("target/quarkus-app"), work);
        Path secrets = Files.createDirectories(root.resolve("secrets"));
        KeyPair keys = KeyUtils.generateKeyPair(2048);
        // As Kubernetes mounts a Secret: one file per setting (smallrye-config-source-file-system).
        Files.writeString(secrets.resolve("undersigned.db.password"), "undersigned");
        Files.writeString(secrets.resolve("undersigned.auth.private-key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(secrets.resolve("undersigned.auth.public-key"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        Files.writeString(secrets.resolve("undersigned.auth.first-admin.password"), "image entrypoint admin password");
        makeReadOnly(root);

        List<String> command = new ArrayList<>();
        asRoot = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        if (asRoot) {
            command.addAll(List.of("setpriv", "--reuid=" + IMAGE_UID, "--regid=" + IMAGE_UID, "--clear-groups", "--"));
        }
        for (String arg : entrypoint) {
            String a = arg.equals("java") ? ProcessHandle.current().info().command().orElse("java") : arg;
            command.add(a.replace("/work/", work + "/"));
        }
        log = Files.createTempFile("image-entrypoint", ".log");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-rw-"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("UNDERSIGNED_") || k.startsWith("_TEST_"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(HTTP_PORT));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        env.put("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", secrets.toString());
        env.put("UNDERSIGNED_DB_HOST", System.getenv().getOrDefault("UNDERSIGNED_DB_HOST", "localhost"));
        env.put("UNDERSIGNED_DB_PORT", System.getenv().getOrDefault("UNDERSIGNED_DB_PORT", "5432"));
        env.put("UNDERSIGNED_DB_NAME", TEST_DB);
        env.put("UNDERSIGNED_DB_USERNAME", "undersigned");
        env.put("UNDERSIGNED_SITE_PUBLIC_URL", "https://letters.undersigned.org");
        env.put("UNDERSIGNED_MAIL_FROM", "Letters <letters@undersigned.org>");
        env.put("UNDERSIGNED_MAIL_SMTP_HOST", "localhost");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(TestPorts.port(3993)));
        env.put("UNDERSIGNED_AUTH_FIRST_ADMIN_EMAIL", "image-admin@admins.example");
        // The local database's password is the development one; a deployment's never is.
        env.put("UNDERSIGNED_PRODUCTION_CHECKS_ACCEPT_UNSAFE", "quarkus.datasource.password");
        env.put("UNDERSIGNED_PROXY_FORWARDED_HEADERS", "true");
        env.put("UNDERSIGNED_ABUSE_TRUSTED_PROXIES", "127.0.0.1");
        app = pb.start();
        awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    @Order(1)
    void becomesReadyAsNonRootFromAReadOnlyWorkingDirectory() throws Exception {
        assertEquals(200, get(MANAGEMENT_PORT, "/q/health/ready").statusCode());
        HttpResponse<String> home = get(HTTP_PORT, "/");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("X-Request-Id").isPresent());
        assertEquals(404, get(HTTP_PORT, "/q/health/ready").statusCode(), "health is not on the public port");
        assertTrue(get(MANAGEMENT_PORT, "/q/metrics").body().contains("undersigned_signons_total"));
        // The image's user cannot write to its working directory (checked as that user: root could).
        List<String> touch = new ArrayList<>(asRoot
                ? List.of("setpriv", "--reuid=" + IMAGE_UID, "--regid=" + IMAGE_UID, "--clear-groups", "--") : List.of());
        touch.addAll(List.of("touch", work.resolve("probe").toString()));
        Process probe = new ProcessBuilder(touch).redirectErrorStream(true).start();
        assertTrue(probe.waitFor() != 0, "the working directory is read-only for the image's user");
        try (Stream<Path> files = Files.list(work)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".log")), "nothing written to /work");
        }
        if (asRoot) {
            String uid = Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
            assertEquals(IMAGE_UID, uid, "the image's user, not root, runs the app");
        }
    }

    @Test
    @Order(2)
    void productionLogsAreJsonLinesWithoutPersonalData() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "kind=INDIVIDUAL&name=" + CANARY.replace(' ', '+') + "&email=" + CANARY_EMAIL + "&city=Oakland&consentPublic=yes";
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/letters/no-such-letter/sign"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2.200")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/admin/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + CANARY_EMAIL + "&password=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).toList();
        assertFalse(lines.isEmpty(), "the production profile logs JSON");
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.hasNonNull("timestamp") && entry.hasNonNull("level") && entry.hasNonNull("message"), line);
            java.time.OffsetDateTime.parse(entry.get("timestamp").asText()); // date, time and zone
        }
        String all = Files.readString(log);
        for (String secret : List.of(CANARY, CANARY_EMAIL, "Canaryimage", "192.0.2.200")) {
            assertFalse(all.contains(secret), "the log must not contain " + secret);
        }
    }

    /**
     * SIGTERM, as Kubernetes sends it: readiness goes DOWN at once while the public port still
     * answers (the shutdown delay lets the Service stop sending), then the process exits by itself.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void onSigtermReadinessGoesDownFirstThenTheProcessExits() throws Exception {
        assertEquals(200, get(MANAGEMENT_PORT, "/q/health/ready").statusCode());
        // A download in flight when SIGTERM comes: a streamed list of 300,000 names (tens of MB, far
        // more than the socket buffers hold), read slowly so that it lasts beyond the shutdown delay.
        String slug = publishedLetterWithApprovedNames(300_000);
        SlowDownload download = new SlowDownload(HTTP_PORT, "/letters/" + slug + "/signatories.csv");
        download.start();
        download.awaitBytes(1_000_000);
        Instant sigterm = Instant.now();
        new ProcessBuilder("kill", "-TERM", String.valueOf(app.pid())).start().waitFor();
        Instant end = Instant.now().plusSeconds(4);
        int ready = 200;
        while (ready == 200 && Instant.now().isBefore(end)) {
            Thread.sleep(100);
            ready = get(MANAGEMENT_PORT, "/q/health/ready").statusCode();
        }
        assertEquals(503, ready, "readiness is DOWN during the shutdown delay");
        assertEquals(200, get(HTTP_PORT, "/").statusCode(), "requests are still served meanwhile");
        download.join(60_000);
        assertTrue(download.finishedAt != null && download.finishedAt.isAfter(sigterm.plusSeconds(6)),
                "the download was still going after the shutdown delay: " + download.finishedAt + " vs SIGTERM " + sigterm);
        assertEquals(null, download.failure, "the download was not cut");
        assertEquals(300_001, download.lines, "in-flight requests finish: the whole list arrived (header + 300,000 names)");
        assertTrue(app.waitFor(40, java.util.concurrent.TimeUnit.SECONDS), "the process exits on its own");
    }

    /** A published letter with {@code n} approved names, seeded in SQL as bench/seed-signatories.sql does. */
    private static String publishedLetterWithApprovedNames(int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String base = "http://localhost:" + HTTP_PORT;
        String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"image-admin@admins.example\",\"password\":\"image entrypoint admin password\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        String slug = "shutdown-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/letters"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\",\"title\":\"Shutdown letter\","
                        + "\"addressees\":\"Everyone\",\"bodyMarkdown\":\"Text\",\"coalitionName\":\"Coalition\","
                        + "\"coalitionContact\":\"press@example.org\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        long id = json.readTree(created.body()).get("id").asLong();
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/letters/" + id + "/publish"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        String seed = Files.readString(Path.of("bench/seed-signatories.sql")).replace(":letter", String.valueOf(id))
                .replace(":n", String.valueOf(n));
        try (var db = java.sql.DriverManager.getConnection("jdbc:postgresql://" + System.getenv().getOrDefault("UNDERSIGNED_DB_HOST", "localhost")
                + ":" + System.getenv().getOrDefault("UNDERSIGNED_DB_PORT", "5432") + "/" + TEST_DB, "undersigned", "undersigned");
             var st = db.createStatement()) {
            assertEquals(n, st.executeUpdate(seed));
        }
        return slug;
    }

    /**
     * An HTTP/1.1 download through a socket with a small receive buffer (so the kernel cannot take
     * the whole body ahead of the reader), read at about 1 MB/s for its first 8 MB, then as fast as
     * it comes. Decodes the chunked body and counts its lines; a body cut short never sees the last
     * (zero-length) chunk.
     */
    private static final class SlowDownload extends Thread {
        private final int port;
        private final String path;
        private volatile long bytes;
        volatile long lines;
        volatile Instant finishedAt;
        volatile Throwable failure;

        SlowDownload(int port, String path) {
            this.port = port;
            this.path = path;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.setReceiveBufferSize(64 * 1024);
                socket.connect(new java.net.InetSocketAddress("localhost", port), 5000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                String status = line(in);
                assertTrue(status.startsWith("HTTP/1.1 200"), status);
                boolean chunked = false;
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    chunked |= h.equalsIgnoreCase("Transfer-Encoding: chunked");
                }
                assertTrue(chunked, "the list is streamed");
                byte[] buffer = new byte[16 * 1024];
                for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                     size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                    while (size > 0) {
                        int read = in.read(buffer, 0, Math.min(size, buffer.length));
                        if (read < 0) {
                            throw new java.io.EOFException("cut inside a chunk after " + bytes + " bytes");
                        }
                        for (int i = 0; i < read; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                        size -= read;
                        bytes += read;
                        if (bytes < 8_000_000) {
                            Thread.sleep(read / 1024); // about 1 MB/s
                        }
                    }
                    line(in); // the CRLF after the chunk
                }
                finishedAt = Instant.now();
            } catch (Throwable t) {
                failure = t;
            }
        }

        private static String line(java.io.InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed after " + b);
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void awaitBytes(long n) throws InterruptedException {
            while (bytes < n && isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(bytes >= n, "the download started: " + bytes + " bytes, " + failure);
        }
    }

    // ----- helpers -----------------------------------------------------------------------------

    /** The image's entrypoint as pom.xml's image profile gives it to Jib. */
    static List<String> imageEntrypoint() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        String value = XPathFactory.newInstance().newXPath().evaluate(
                "/*[local-name()='project']/*[local-name()='profiles']/*[local-name()='profile'][*[local-name()='id']='image']"
                        + "/*[local-name()='properties']/*[local-name()='quarkus.jib.jvm-entrypoint']", pom).strip();
        assertFalse(value.isEmpty(), "pom.xml's image profile sets quarkus.jib.jvm-entrypoint");
        return List.of(value.split(","));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        assertTrue(Files.isRegularFile(from.resolve("quarkus-run.jar")), "package the application first (mvn verify)");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Directories r-x, files r--, for everyone: the image's user may read but not write. */
    private static void makeReadOnly(Path top) throws IOException {
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited: " + Files.readString(log));
            }
            try {
                if (get(MANAGEMENT_PORT, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready in " + timeout + ": " + Files.readString(log));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
