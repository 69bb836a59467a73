package org.undersigned.infra;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Behind a TLS-terminating proxy, as production runs behind an ingress: Quarkus's forwarded-header
 * handling on, with the same trusted proxies as the rate limits. A profile of its own, because the
 * rest of the suite runs as a directly reached server (as dev does).
 */
@QuarkusTest
@TestProfile(ProxyHeadersTest.BehindAProxy.class)
class ProxyHeadersTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.proxy.forwarded-headers", "true");
        }
    }

    @Inject
    TestData data;

    @Test
    void behindAProxyRedirectsStayRelativeAndTheClientIsTheAddressTheProxySaw() {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        // The test profile trusts 127.0.0.1 as a proxy, like an ingress controller in production, and
        // turns Quarkus's forwarded-header handling on as production behind an ingress does. Links in
        // email come from undersigned.site.public-url; redirects are relative, so the browser stays on
        // the scheme and host it used (https at the ingress).
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "letters.example.org")
                .header("X-Forwarded-For", "192.0.2.66, 203.0.113.9")
                .config(SignOnForms.LIKE_A_BROWSER).redirects().follow(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded")
                .formParams(withStamp(letter.slug, SignOnForms.organization("Proxy Org", TestData.uniqueEmail("proxy"))))
                .post("/letters/" + letter.slug + "/sign")
                .then().statusCode(303).header("Location", equalTo("/letters/" + letter.slug + "/signed"));
        // The rate limits and abuse checks count the address the proxy saw (rightmost), never the
        // leftmost entry that a client may write itself, even with Quarkus's forwarding on.
        assertEquals("203.0.113.9", data.single("select host(client_ip) from signature where letter_id = ?1", letter.id));
    }

    private static Map<String, String> withStamp(String slug, Map<String, String> form) {
        Map<String, String> m = new java.util.LinkedHashMap<>(form);
        m.put("formStamp", SignOnForms.stamp(slug));
        return m;
    }
}
