package org.undersigned.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "undersigned.auth")
public interface AuthConfig {

    /** The {@code iss} of every token, checked on the way in. */
    @WithDefault("https://undersigned.invalid/admin")
    String issuer();

    /** Tokens are short-lived; the browser session is renewed while it is used. */
    @WithDefault("30m")
    Duration tokenTtl();

    @WithDefault("undersigned_admin")
    String cookieName();

    /** Secure cookies everywhere but plain-HTTP development. */
    @WithDefault("true")
    boolean secureCookie();

    /** PEM of the RSA private key that signs tokens (or use {@link #privateKeyLocation()}). */
    Optional<String> privateKey();

    Optional<Path> privateKeyLocation();

    /** PEM of the matching public key that verifies them. */
    Optional<String> publicKey();

    Optional<Path> publicKeyLocation();

    /**
     * Without configured keys, generate a pair at start (dev and test only). With a directory,
     * the pair is kept there (mode 600) so sessions survive restarts.
     */
    @WithDefault("false")
    boolean generateKeys();

    Optional<Path> generatedKeyDir();

    /** Created at start-up when no account has this address yet. */
    FirstAdmin firstAdmin();

    Lockout lockout();

    @WithDefault("7d")
    Duration inviteTtl();

    @WithDefault("12")
    int minPasswordLength();

    interface FirstAdmin {
        Optional<String> email();

        Optional<String> password();

        @WithDefault("Administrator")
        String name();
    }

    interface Lockout {
        /** Failed sign-ins in a row before the account is locked. */
        @WithDefault("5")
        int maxFailures();

        /** After the n-th failure the next attempt waits base × 2^(n-1). */
        @WithDefault("1s")
        Duration slowdownBase();

        @WithDefault("15m")
        Duration lockFor();
    }
}
