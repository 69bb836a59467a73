package org.undersigned.account;

import org.undersigned.infra.Hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * CSRF tokens for the admin UI, derived from the session cookie: a page rendered for a session
 * carries SHA-256("csrf:" + session token) in every state-changing form. Another site can make a
 * browser send the cookie (SameSite=Strict already stops most of that) but can neither read it
 * nor the page, so it cannot produce the matching field.
 */
public final class Csrf {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    public static String tokenFor(String sessionToken) {
        return sessionToken == null || sessionToken.isEmpty() ? null : Hashing.sha256Hex("csrf:" + sessionToken);
    }

    public static boolean matches(String sessionToken, String presented) {
        String expected = tokenFor(sessionToken);
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
