package org.undersigned.infra;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production refuses missing and unsafe settings, naming each; development values stay in dev and test. */
class ProductionSettingsTest {

    private static Map<String, String> safe() {
        Map<String, String> m = new HashMap<>();
        m.put("quarkus.datasource.password", "a long random secret");
        m.put("undersigned.site.public-url", "https://letters.coalition.org");
        m.put("undersigned.mail.from", "Coalition letters <letters@coalition.org>");
        m.put("quarkus.mailer.host", "smtp.coalition.org");
        return m;
    }

    private static List<String> settingsWithProblems(Map<String, String> m) {
        return ProductionSettings.problems(k -> Optional.ofNullable(m.get(k))).stream()
                .map(ProductionSettings.Problem::setting).toList();
    }

    @Test
    void aCompleteSafeConfigurationPasses() {
        assertEquals(List.of(), settingsWithProblems(safe()));
    }

    @Test
    void eachMissingSettingIsNamed() {
        for (String key : safe().keySet()) {
            Map<String, String> m = safe();
            m.remove(key);
            assertEquals(List.of(key), settingsWithProblems(m), key);
        }
    }

    @Test
    void developmentAndUnsafeValuesAreNamed() {
        Map<String, String> m = safe();
        m.put("quarkus.datasource.password", "undersigned");
        m.put("undersigned.site.public-url", "http://localhost:8080");
        m.put("undersigned.mail.from", "Undersigned <no-reply@undersigned.invalid>");
        m.put("quarkus.mailer.mock", "true");
        m.put("undersigned.auth.generate-keys", "true");
        m.put("undersigned.auth.secure-cookie", "false");
        assertEquals(List.of("quarkus.datasource.password", "undersigned.site.public-url", "undersigned.mail.from",
                "quarkus.mailer.mock", "undersigned.auth.generate-keys", "undersigned.auth.secure-cookie"),
                settingsWithProblems(m));
        Map<String, String> plainHttp = safe();
        plainHttp.put("undersigned.site.public-url", "http://letters.coalition.org");
        assertEquals(List.of("undersigned.site.public-url"), settingsWithProblems(plainHttp));
        Map<String, String> plainHooks = safe();
        plainHooks.put("undersigned.webhooks.allow-http", "true");
        assertEquals(List.of("undersigned.webhooks.allow-http"), settingsWithProblems(plainHooks));
    }

    @Test
    void forwardedHeadersNeedTheSameTrustedProxiesAsTheRateLimits() {
        Map<String, String> m = safe();
        m.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        m.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        assertEquals(List.of("undersigned.abuse.trusted-proxies"), settingsWithProblems(m), "nobody trusted");
        m.put("undersigned.abuse.trusted-proxies", "10.0.0.0/8, 127.0.0.1");
        assertEquals(List.of("quarkus.http.proxy.trusted-proxies"), settingsWithProblems(m), "two different lists");
        m.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1,10.0.0.0/8");
        assertEquals(List.of(), settingsWithProblems(m), "one list (order and spaces aside)");
    }

    /** Quarkus would read these as host names and resolve them through DNS on every forwarded request. */
    @Test
    void aTrustedProxyQuarkusWouldLookUpInDnsIsRefused() {
        Map<String, String> m = safe();
        m.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        for (String misread : List.of("::1", "fd00::1", "ingress.internal")) {
            m.put("undersigned.abuse.trusted-proxies", "10.0.0.0/8," + misread);
            m.put("quarkus.http.proxy.trusted-proxies", "10.0.0.0/8," + misread);
            assertEquals(List.of("undersigned.abuse.trusted-proxies"), settingsWithProblems(m), misread);
        }
        m.put("undersigned.abuse.trusted-proxies", "10.0.0.0/8, [::1], fd00::/8, 127.0.0.1");
        m.put("quarkus.http.proxy.trusted-proxies", "10.0.0.0/8, [::1], fd00::/8, 127.0.0.1");
        assertEquals(List.of(), settingsWithProblems(m), "addresses in brackets and ranges are read as written");
    }

    /** The base profile (what production reads) carries none of the development values. */
    @Test
    void theBaseProfileHasNoDevelopmentDefaults() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        for (String key : List.of("undersigned.db.password", "undersigned.db.username", "undersigned.db.host",
                "undersigned.site.public-url", "undersigned.mail.from", "quarkus.mailer.host")) {
            assertFalse(p.containsKey(key), key + " must be set for dev and test only");
        }
        assertTrue(p.getProperty("%prod.quarkus.mailer.host", "").startsWith("${"),
                "production names its SMTP server instead of falling back to localhost");
        assertTrue(p.getProperty("quarkus.datasource.password").startsWith("${"));
    }
}
