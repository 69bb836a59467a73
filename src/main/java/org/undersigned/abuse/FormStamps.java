package org.undersigned.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.infra.AppSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The sign-on form carries the time it was served, signed with a key shared by all instances,
 * so the server can tell a form posted faster than a person types, or posted without ever being
 * fetched. Always {@value #LENGTH} characters, so a cached page can have it written into place.
 */
@ApplicationScoped
public class FormStamps {

    public static final String FIELD = "formStamp";
    public static final int LENGTH = 33; // 10 digits, a dot, 22 characters of MAC
    /** What cached pages hold where the stamp goes: replaced in every response. */
    public static final String PLACEHOLDER = "~".repeat(LENGTH);

    @Inject
    AppSecrets secrets;

    @Inject
    AbuseConfig config;

    private volatile SecretKeySpec key;

    public String issue(Instant now) {
        String seconds = String.format("%010d", now.getEpochSecond());
        return seconds + "." + mac(seconds);
    }

    /**
     * The one place a sign-on's bot signal is decided, for the form and the JSON API alike: a
     * filled honeypot, else what the stamp says. Nothing when the post looks like a person's.
     */
    public Optional<BotSignal> signal(String honeypot, String stamp, Instant now) {
        if (honeypot != null && !honeypot.isBlank()) {
            return Optional.of(BotSignal.HONEYPOT);
        }
        return check(stamp, now);
    }

    /** What the stamp says about the post, or nothing when it looks like a person's. */
    public Optional<BotSignal> check(String stamp, Instant now) {
        Optional<Instant> servedAt = verify(stamp);
        if (servedAt.isEmpty()) {
            return Optional.of(BotSignal.NO_FORM_TOKEN);
        }
        Duration age = Duration.between(servedAt.get(), now);
        if (age.compareTo(config.minFillTime()) < 0) {
            return Optional.of(BotSignal.TOO_FAST);
        }
        if (age.compareTo(config.maxFormAge()) > 0) {
            return Optional.of(BotSignal.NO_FORM_TOKEN);
        }
        return Optional.empty();
    }

    /** When the form was served, if the stamp is one of ours. */
    public Optional<Instant> verify(String stamp) {
        if (stamp == null || stamp.length() != LENGTH || stamp.charAt(10) != '.') {
            return Optional.empty();
        }
        String seconds = stamp.substring(0, 10);
        if (!seconds.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        byte[] expected = mac(seconds).getBytes(StandardCharsets.US_ASCII);
        byte[] given = stamp.substring(11).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given)
                ? Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds))) : Optional.empty();
    }

    private String mac(String seconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] full = mac.doFinal(("sign-on-form|" + seconds).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM ships HmacSHA256", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(secrets.get("sign-on-form-stamp"), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
