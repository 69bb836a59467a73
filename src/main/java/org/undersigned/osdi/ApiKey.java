package org.undersigned.osdi;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.util.Optional;

/**
 * The key of one integration (a CRM that polls the read API). Only its SHA-256 is stored; the
 * key itself is shown once, when issued. A revoked key stays, so the audit trail can name it.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    private Long id;

    private String name;
    private String prefix;
    private String keyHash;
    private Instant createdAt;
    private Instant revokedAt;
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    static ApiKey issue(String name, String prefix, String keyHash, Instant now) {
        ApiKey k = new ApiKey();
        k.name = name;
        k.prefix = prefix;
        k.keyHash = keyHash;
        k.createdAt = now;
        return k;
    }

    static Optional<ApiKey> byHash(String hash) {
        return find("keyHash", hash).firstResultOptional();
    }

    void revoke(Instant now) {
        if (revokedAt != null) {
            throw new RuleException(org.undersigned.web.AdminMsg::api_key_already_revoked_title,
                    m -> m.api_key_already_revoked(String.valueOf(revokedAt)));
        }
        revokedAt = now;
    }

    boolean active() {
        return revokedAt == null;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
