package org.undersigned.signing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web addresses as organizations type them: "example.org", "www.example.org/about", "https://…". */
public final class Websites {

    private Websites() {
    }

    private static final java.util.regex.Pattern HAS_SCHEME = java.util.regex.Pattern.compile("(?i)https?://");

    /** An absolute http(s) URL with a dotted host, or empty when the text is not a web address. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.isBlank() || typed.contains(" ")) {
            return Optional.empty();
        }
        String candidate = HAS_SCHEME.matcher(typed).lookingAt() ? typed : "https://" + typed;
        try {
            URI uri = new URI(candidate);
            String host = uri.getHost();
            if (host == null || !host.contains(".") || host.startsWith(".") || host.endsWith(".")
                    || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                rest += "?" + uri.getRawQuery();
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + port + rest);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Hosts shared by many unrelated organizations: two groups with Facebook pages are not the
     * same group, so these never count as a matching website.
     */
    private static final java.util.Set<String> SHARED_HOSTS = java.util.Set.of("facebook.com", "m.facebook.com",
            "instagram.com", "twitter.com", "x.com", "linktr.ee", "linkedin.com", "sites.google.com",
            "docs.google.com", "medium.com", "substack.com", "wordpress.com", "blogspot.com", "wixsite.com",
            "squarespace.com", "github.io", "tiktok.com", "youtube.com", "bsky.app", "actionnetwork.org");

    /** The website's domain when it identifies one organization; null for shared hosts or no website. */
    public static String identifyingDomain(String url) {
        if (url == null) {
            return null;
        }
        String domain = domain(url);
        return domain.isEmpty() || SHARED_HOSTS.contains(domain) ? null : domain;
    }

    /** The registrable-looking part of the host, without "www.": used to compare with email domains. */
    public static String domain(String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return "";
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
