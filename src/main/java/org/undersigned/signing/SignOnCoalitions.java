package org.undersigned.signing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import org.undersigned.letter.PublicPageChanged;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A letter's partners and categories as sign-on needs them, kept for a second like
 * {@link SignOnLetters} (a burst of sign-ons does not read them thousands of times a second); a
 * change on this instance clears them at once.
 */
@ApplicationScoped
public class SignOnCoalitions {

    public record Partner(long id, String code, String name) {
    }

    public record Facts(Map<String, Partner> partnersByCode, Map<Long, String> categories) {
        public Optional<Partner> partner(String code) {
            return code == null ? Optional.empty() : Optional.ofNullable(partnersByCode.get(code));
        }

        /** The category the form named, if it is one of this letter's. */
        public Optional<Long> category(String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                long id = Long.parseLong(value);
                return categories.containsKey(id) ? Optional.of(id) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Cache<Long, Facts> byLetter = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(1))
            .maximumSize(10_000)
            .build();

    @Inject
    EntityManager em;

    public Facts of(long letterId) {
        return byLetter.get(letterId, id -> QuarkusTransaction.joiningExisting().call(() -> load(id)));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicPageChanged change) {
        byLetter.invalidate(change.letterId());
    }

    @SuppressWarnings("unchecked")
    private Facts load(long letterId) {
        Map<String, Partner> partners = new LinkedHashMap<>();
        for (Tuple r : (List<Tuple>) em.createNativeQuery(
                        "select id, code, name from letter_partner where letter_id = ?1 and state = 'ACTIVE' order by position, id", Tuple.class)
                .setParameter(1, letterId).getResultList()) {
            partners.put((String) r.get("code"), new Partner(((Number) r.get("id")).longValue(), (String) r.get("code"),
                    (String) r.get("name")));
        }
        Map<Long, String> categories = new LinkedHashMap<>();
        for (Tuple r : (List<Tuple>) em.createNativeQuery(
                        "select id, name from letter_category where letter_id = ?1 order by position, id", Tuple.class)
                .setParameter(1, letterId).getResultList()) {
            categories.put(((Number) r.get("id")).longValue(), (String) r.get("name"));
        }
        return new Facts(Map.copyOf(partners), java.util.Collections.unmodifiableMap(categories));
    }
}
