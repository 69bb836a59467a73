package org.undersigned.osdi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.infra.Hashing;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.PlainText;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Issuing, listing, revoking and checking API keys; every issue and revocation is audited. */
@ApplicationScoped
public class ApiKeys {

    public record KeyView(long id, String name, String prefix, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), k.prefix(), k.createdAt(), k.revokedAt(), k.lastUsedAt());
        }
    }

    /** A new key: the only time it is shown. */
    public record Issued(KeyView key, String apiKey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional
    public Issued issue(String name, Actor actor) {
        String clean = PlainText.line(name);
        if (clean == null || clean.isBlank() || clean.length() > 200) {
            throw new InvalidInputException(FormErrors.none().add("name", org.undersigned.web.AdminMsg::api_key_name_required));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = "usk_" + secret.substring(0, 8);
        String raw = prefix + "_" + secret.substring(8);
        ApiKey k = ApiKey.issue(clean, prefix, Hashing.sha256Hex(raw), Instant.now());
        k.persistAndFlush();
        audit.record(actor, "api-key.issued", new AuditLog.Subject(null, null, null), null,
                AuditLog.values("key", k.id(), "name", clean, "prefix", prefix));
        return new Issued(KeyView.of(k), raw);
    }

    @Transactional
    public KeyView revoke(long id, Actor actor) {
        ApiKey k = ApiKey.<ApiKey>findByIdOptional(id).orElseThrow(NotFoundException::new);
        k.revoke(Instant.now());
        audit.record(actor, "api-key.revoked", new AuditLog.Subject(null, null, null), null,
                AuditLog.values("key", id, "name", k.name(), "prefix", k.prefix()));
        return KeyView.of(k);
    }

    @Transactional
    public List<KeyView> list() {
        return ApiKey.<ApiKey>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(KeyView::of).toList();
    }

    /**
     * The active key with this value, if any. Its last use is recorded at most once a minute, so
     * a polling client does not write on every request.
     */
    public Optional<KeyView> check(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            return Optional.empty();
        }
        String hash = Hashing.sha256Hex(raw.strip());
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ApiKey> key = ApiKey.byHash(hash).filter(ApiKey::active);
            key.ifPresent(k -> em.createNativeQuery("""
                    update api_key set last_used_at = now()
                    where id = ?1 and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                    .setParameter(1, k.id()).executeUpdate());
            return key.map(KeyView::of);
        });
    }
}
