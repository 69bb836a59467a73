package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.infra.AppSecrets;
import org.undersigned.web.SiteConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * "Email me updates about this campaign": the consent is {@code signature.consent_updates}, and
 * every update email carries a link that withdraws it without signing in. The link is the
 * signature's number signed with a key all instances share, so it needs no row of its own and
 * keeps working for as long as the entry exists (an unsubscribe link must never expire).
 */
@ApplicationScoped
public class UpdateSubscriptions {

    private static final String KEY_NAME = "unsubscribe-links";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    AppSecrets secrets;

    @Inject
    SiteConfig site;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** The one-click unsubscribe address of a signature (RFC 8058 POST, or a page for browsers). */
    public String unsubscribeUrl(long signatureId) {
        return site.publicUrl() + "/unsubscribe/" + token(signatureId);
    }

    String token(long signatureId) {
        return signatureId + "." + B64.encodeToString(mac(signatureId));
    }

    /** The signature a token was issued for, if the token is genuine. */
    Optional<Long> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = B64.encodeToString(mac(id)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
    }

    /** The letter's title for the page, if the token is genuine and the entry still exists. */
    @Transactional
    public Optional<String> letterTitle(String token) {
        return verify(token).flatMap(id -> Optional.ofNullable(Signature.<Signature>findById(id)))
                .map(s -> s.letter().title);
    }

    /** The language the signer behind this link reads (their pages and emails), if the token is genuine. */
    @Transactional
    public Optional<org.undersigned.web.Language> language(String token) {
        return verify(token).flatMap(id -> Optional.ofNullable(Signature.<Signature>findById(id)))
                .map(Signature::language);
    }

    /**
     * Withdraws the consent at once. Idempotent, and says nothing about whether the entry exists
     * beyond what the link's holder already knows.
     *
     * @return false when the token is not genuine or the entry is gone
     */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<Long> id = verify(token);
        if (id.isEmpty()) {
            return false;
        }
        Signature s = Signature.findById(id.get());
        if (s == null) {
            return false;
        }
        if (s.stopUpdates(java.time.Instant.now())) {
            audit.record(Actor.SIGNER, "signature.unsubscribed", Subject.signature(s.letter().id, s.id()),
                    AuditLog.values("consentUpdates", true), AuditLog.values("consentUpdates", false));
        }
        return true;
    }

    private byte[] mac(long signatureId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.get(KEY_NAME), "HmacSHA256"));
            byte[] full = mac.doFinal(("unsubscribe:" + signatureId).getBytes(StandardCharsets.US_ASCII));
            return java.util.Arrays.copyOf(full, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
