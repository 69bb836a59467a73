package org.undersigned.abuse;

/** The actions that are rate limited, and what a bucket is kept per. */
public enum RateLimit {
    SIGN_ON("sign-on", "Sign-ons per client address and letter"),
    LINK_REQUEST("link-request", "Magic-link requests per client address"),
    ADMIN_SIGN_IN("admin-sign-in", "Admin sign-in attempts per client address"),
    SEARCH("search", "Searches of a signatory list per client address");

    public final String key;
    public final String description;

    RateLimit(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public static java.util.Optional<RateLimit> byKey(String key) {
        for (RateLimit l : values()) {
            if (l.key.equals(key)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    RateLimitConfig.Limit defaults(RateLimitConfig config) {
        return switch (this) {
            case SIGN_ON -> config.signOn();
            case LINK_REQUEST -> config.linkRequest();
            case ADMIN_SIGN_IN -> config.adminSignIn();
            case SEARCH -> config.search();
        };
    }
}
