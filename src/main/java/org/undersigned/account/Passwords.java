package org.undersigned.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (cost 12) through at.favre.lib's implementation. Passwords longer than bcrypt's 72 bytes
 * are pre-hashed with SHA-512 rather than silently truncated.
 */
public final class Passwords {

    private static final int COST = 12;
    private static final BCrypt.Hasher HASHER =
            BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
    private static final BCrypt.Verifyer VERIFIER =
            BCrypt.verifyer(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
    /** Checked against when the account is unknown, so a wrong address costs as long as a wrong password. */
    private static final String DECOY = HASHER.hashToString(COST, "decoy password that matches nothing".toCharArray());

    private Passwords() {
    }

    public static String hash(String password) {
        return HASHER.hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        return VERIFIER.verify(password.getBytes(StandardCharsets.UTF_8),
                (hash == null ? DECOY : hash).getBytes(StandardCharsets.UTF_8)).verified && hash != null;
    }
}
