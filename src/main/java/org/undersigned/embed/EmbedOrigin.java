package org.undersigned.embed;

import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.util.Locale;

/**
 * A site allowed to frame a letter, as CSP {@code frame-ancestors} wants it: {@code scheme://host[:port]},
 * nothing else (no path, no wildcard, no quotes or semicolons that could widen the policy).
 * HTTPS only, except loopback addresses for local testing.
 */
public final class EmbedOrigin {

    private EmbedOrigin() {
    }

    /** The normalized origin, or a field error on {@code origin}. */
    public static String parse(String input) {
        String value = input == null ? "" : input.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1");
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!host.matches("[a-z0-9.-]+") || !bare || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
                throw invalid();
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(FormErrors.none().add("origin",
                "Enter a site's address as https://example.org (no path); plain http is accepted only for localhost."));
    }
}
