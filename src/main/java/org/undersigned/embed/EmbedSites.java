package org.undersigned.embed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sites an editor allows to frame a letter's embed pages. Framing checks read a copy kept for
 * a few seconds per instance (a change made here applies at once, one made on another instance
 * within {@link #KEEP_FOR}).
 */
@ApplicationScoped
public class EmbedSites {

    static final Duration KEEP_FOR = Duration.ofSeconds(10);

    private record Cached(List<String> origins, Instant readAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> list(long letterId) {
        return em.createNativeQuery("select origin from embed_site where letter_id = ?1 order by origin")
                .setParameter(1, letterId).getResultList();
    }

    /** Adds an origin (normalized); adding one already there changes nothing. */
    @Transactional
    public String add(long letterId, String input, Actor actor) {
        String origin = EmbedOrigin.parse(input);
        int added = em.createNativeQuery("insert into embed_site (letter_id, origin) values (?1, ?2) on conflict do nothing")
                .setParameter(1, letterId).setParameter(2, origin).executeUpdate();
        if (added > 0) {
            audit.record(actor, "embed.site-added", AuditLog.Subject.letter(letterId), null, AuditLog.values("origin", origin));
        }
        cache.remove(letterId);
        return origin;
    }

    @Transactional
    public boolean remove(long letterId, String input, Actor actor) {
        String origin = EmbedOrigin.parse(input);
        int removed = em.createNativeQuery("delete from embed_site where letter_id = ?1 and origin = ?2")
                .setParameter(1, letterId).setParameter(2, origin).executeUpdate();
        if (removed > 0) {
            audit.record(actor, "embed.site-removed", AuditLog.Subject.letter(letterId), AuditLog.values("origin", origin), null);
        }
        cache.remove(letterId);
        return removed > 0;
    }

    /** The origins that may frame this letter now, from this instance's short-lived copy. */
    public List<String> framingOrigins(long letterId) {
        Cached c = cache.get(letterId);
        Instant now = Instant.now();
        if (c == null || c.readAt().plus(KEEP_FOR).isBefore(now)) {
            c = new Cached(QuarkusTransaction.joiningExisting().call(() -> list(letterId)), now);
            cache.put(letterId, c);
        }
        return c.origins();
    }
}
