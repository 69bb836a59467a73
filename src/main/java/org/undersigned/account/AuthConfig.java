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

    /**
     * How long a token (and so a browser session) lasts. Sessions are recorded by token id and
     * end earlier when their admin signs out or ends them from the sessions page.
     */
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

    Throttle throttle();

    /** How long a password reset link works. */
    @WithDefault("1h")
    Duration resetTtl();

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

    interface Throttle {
        /** After the n-th failure in a row from one client on one address, its next attempt waits base × 2^(n-1). */
        @WithDefault("1s")
        Duration slowdownBase();

        /** The longest wait between two attempts of one client on one address. */
        @WithDefault("15m")
        Duration maxDelay();

        /** Email the account's owner when this many attempts on it failed within {@link #noticeWindow()}. */
        @WithDefault("5")
        int notifyAfter();

        @WithDefault("1h")
        Duration noticeWindow();
    }
}
