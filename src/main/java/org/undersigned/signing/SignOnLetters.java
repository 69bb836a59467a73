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
import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
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
        List<Tuple> rows = em.createNativeQuery("""
                        select id, slug, title, current_version, state, sign_deadline, organizations_may_sign,
                               individuals_may_sign, auto_approve_individuals, language
                        from letter where slug = ?1 and state <> 'DRAFT'""", Tuple.class)
                .setParameter(1, slug).getResultList();
        return rows.stream().findFirst().map(r -> new Facts(Sql.longValue(r, "id"), Sql.string(r, "slug"),
                Sql.string(r, "title"), Sql.intValue(r, "current_version"), LetterState.valueOf(Sql.string(r, "state")),
                Sql.instant(r, "sign_deadline"), Sql.bool(r, "organizations_may_sign"), Sql.bool(r, "individuals_may_sign"),
                Sql.bool(r, "auto_approve_individuals"), new Language(Sql.string(r, "language")),
                texts(Sql.longValue(r, "id"))));
    }

    /** The current version and each shown translation of it (its newest frozen revision). */
    @SuppressWarnings("unchecked")
    private Map<Language, Text> texts(long letterId) {
        List<Tuple> rows = em.createNativeQuery("""
                        select l.language as language, v.title as title, v.sha256 as sha256
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
                            order by tv.language, tv.revision desc) shown""", Tuple.class)
                .setParameter(1, letterId).getResultList();
        Map<Language, Text> out = new java.util.HashMap<>();
        for (Tuple r : rows) {
            Language language = new Language(Sql.string(r, "language"));
            out.put(language, new Text(language, Sql.string(r, "title"), Sql.string(r, "sha256")));
        }
        return Map.copyOf(out);
    }
}
