package org.undersigned.infra;

import jakarta.enterprise.context.ApplicationScoped;


import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tokens for links sent by email (magic links, invitations): 256 random bits, sent to the signer in a link; the database keeps only
 * their SHA-256, so a copy of the database cannot be used to act as their owner.
 */
@ApplicationScoped
public class Tokens {

    public record Token(String raw, String hash) {
    }

    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private final SecureRandom random = new SecureRandom();

    public Token issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Token(raw, Hashing.sha256Hex(raw));
    }

    /** The hash to look up, or empty when the text cannot be a token we issued. */
    public static Optional<String> hashOf(String raw) {
        return raw != null && SHAPE.matcher(raw).matches() ? Optional.of(Hashing.sha256Hex(raw)) : Optional.empty();
    }
}
