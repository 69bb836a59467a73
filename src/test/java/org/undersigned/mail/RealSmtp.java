package org.undersigned.mail;

import org.undersigned.support.TestPorts;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The application sending through a real SMTP server on {@link #PORT} (GreenMail, started by
 * each test), with DKIM signing on. The outbox sender and the job runner do not run on their own:
 * tests drive them, so what is sent when is certain.
 */
public class RealSmtp implements QuarkusTestProfile {

    public static final int PORT = TestPorts.port(3931);
    public static final String DKIM_DOMAIN = "undersigned.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "localhost"),
                Map.entry("quarkus.mailer.port", String.valueOf(PORT)),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.max-pool-size", "1"),
                Map.entry("quarkus.mailer.dkim.enabled", "true"),
                Map.entry("quarkus.mailer.dkim.private-key", dkimKey()),
                Map.entry("quarkus.mailer.dkim.sdid", DKIM_DOMAIN),
                Map.entry("quarkus.mailer.dkim.selector", "test"),
                Map.entry("quarkus.mailer.dkim.signed-headers", "From,Reply-To,Subject,Date,To,Message-ID"),
                Map.entry("undersigned.mail.send-every", "off"),
                Map.entry("undersigned.mail.batch-size", "3"),
                Map.entry("undersigned.mail.batches-in-flight", "1"),
                Map.entry("undersigned.jobs.poll-every", "off"),
                Map.entry("undersigned.mail.digest-check-every", "off"),
                Map.entry("undersigned.mail.keep-sent-bodies", "true"));
    }

    /** A fresh RSA key for each run, PKCS#8 in base64, as the mailer's DKIM settings take it. */
    private static String dkimKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
