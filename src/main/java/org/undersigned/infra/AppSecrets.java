package org.undersigned.infra;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys every instance must share, generated on first use and kept in the database (never in the
 * repository or the configuration). The first instance to ask creates one; the others read it.
 */
@ApplicationScoped
public class AppSecrets {

    @Inject
    EntityManager em;

    private final ConcurrentHashMap<String, byte[]> known = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public byte[] get(String name) {
        return known.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_secret (name, value) values (?1, ?2) on conflict (name) do nothing")
                    .setParameter(1, name).setParameter(2, fresh).executeUpdate();
            return (byte[]) em.createNativeQuery("select value from app_secret where name = ?1")
                    .setParameter(1, name).getSingleResult();
        });
    }
}
