package org.undersigned.signing;

import org.undersigned.web.Language;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.letter.LetterState;
import org.undersigned.letter.PublicPageChanged;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a sign-on needs to know about its letter, kept for a second: during a burst, thousands
 * of sign-ons a second would otherwise each read the same row. A change made on this instance
 * clears it at once; a letter closed through another instance stops taking sign-ons here
 * within a second (a deadline is checked against the clock on every sign-on regardless).
 */
@ApplicationScoped
public class SignOnLetters {

    public record Facts(long id, String slug, String title, int version, LetterState state, Instant deadline,
                        boolean organizationsMaySign, boolean individualsMaySign, boolean autoApproveIndividuals,
                        Language language, Map<Language, Text> texts) {
        public boolean acceptsSignaturesAt(Instant now) {
            return state == LetterState.OPEN && (deadline == null || now.isBefore(deadline));
        }

        /** The published text a reader of {@code wanted} is shown: its translation if current, else the letter as written. */
        public Text text(Language wanted) {
            Text t = wanted == null ? null : texts.get(wanted);
            return t != null ? t : texts.get(language);
        }
    }

    /** A published text of the current version: its language, title and digest. */
    public record Text(Language language, String title, String sha256) {
    }

    private final Cache<String, Optional<Facts>> bySlug = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(1))
            .maximumSize(10_000)
            .build();

    @Inject
    EntityManager em;

    /** The public letter with this slug. */
    public Optional<Facts> find(String slug) {
        return bySlug.get(slug, s -> QuarkusTransaction.joiningExisting().call(() -> load(s)));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicPageChanged change) {
        bySlug.invalidateAll();
    }

    @SuppressWarnings("unchecked")
    private Optional<Facts> load(String slug) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, slug, title, current_version, state, sign_deadline, organizations_may_sign,
                               individuals_may_sign, auto_approve_individuals, language
                        from letter where slug = ?1 and state <> 'DRAFT'""")
                .setParameter(1, slug).getResultList();
        return rows.stream().findFirst().map(r -> new Facts(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), LetterState.valueOf((String) r[4]), toInstant(r[5]), (Boolean) r[6],
                (Boolean) r[7], (Boolean) r[8], new Language((String) r[9]), texts(((Number) r[0]).longValue())));
    }

    /** The current version and each shown translation of it (its newest frozen revision). */
    @SuppressWarnings("unchecked")
    private Map<Language, Text> texts(long letterId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select l.language, v.title, v.sha256
                        from letter l join letter_version v on v.letter_id = l.id and v.number = l.current_version
                        where l.id = ?1
                        union all
                        select * from (
                            select distinct on (tv.language) tv.language, tv.title, tv.sha256
                            from letter l
                            join letter_translation t on t.letter_id = l.id and t.state = 'CURRENT'
                                 and t.translates_version = l.current_version
                            join letter_translation_version tv on tv.letter_id = l.id and tv.language = t.language
                                 and tv.letter_version = l.current_version
                            where l.id = ?1
                            order by tv.language, tv.revision desc) shown""")
                .setParameter(1, letterId).getResultList();
        Map<Language, Text> out = new java.util.HashMap<>();
        for (Object[] r : rows) {
            Language language = new Language((String) r[0]);
            out.put(language, new Text(language, (String) r[1], (String) r[2]));
        }
        return Map.copyOf(out);
    }

    private static Instant toInstant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Instant i ? i : o instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) o).toInstant();
    }
}
