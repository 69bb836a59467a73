package org.undersigned.letterpage;

import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.letter.LetterState;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.web.Language;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of the public letters: which version of each letter row and of its
 * approved list the pages show, with the batched counts. Refreshed from the database every
 * second (so other instances' changes show within about two seconds) and at once after a change
 * made here. Page requests consult it instead of the database.
 */
@ApplicationScoped
public class LetterDirectory {

    /** What the public pages of one letter depend on; {@code languages}: the canonical one first, then each shown translation. */
    public record Entry(long id, String slug, long rowVersion, LetterState state, Instant deadline, long listVersion,
                        PublicSignatories.Counts counts, List<Language> languages) {
        public boolean acceptsSignaturesAt(Instant now) {
            return state == LetterState.OPEN && (deadline == null || now.isBefore(deadline));
        }
    }

    private static final String SELECT = """
            select l.id, l.slug, l.version, l.state, l.sign_deadline,
                   coalesce(t.list_version, -1) as list_version, coalesce(t.organizations, 0) as organizations,
                   coalesce(t.individuals, 0) as individuals,
                   l.language || coalesce((select ',' || string_agg(x.language, ',' order by x.language)
                                           from letter_translation x
                                           where x.letter_id = l.id and x.state = 'CURRENT'
                                             and x.translates_version = l.current_version), '') as languages
            from letter l left join letter_tally t on t.letter_id = l.id
            where l.state <> 'DRAFT'""";

    @Inject
    EntityManager em;

    private volatile Map<String, Entry> bySlug = Map.of();

    @Scheduled(every = "${undersigned.letter.directory-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAll() {
        refresh();
    }

    public void refresh() {
        List<Entry> entries = QuarkusTransaction.joiningExisting().call(() -> read(SELECT, null));
        merge(entries);
    }

    /** Re-reads one letter (after this instance changed it). */
    public void refresh(long letterId) {
        merge(QuarkusTransaction.requiringNew().call(() -> read(SELECT + " and l.id = ?1", letterId)));
    }

    /**
     * Versions only grow, so an entry never replaces a newer one: a full refresh that read the
     * database just before a change committed cannot undo the refresh made just after it.
     */
    private synchronized void merge(List<Entry> entries) {
        Map<String, Entry> next = new ConcurrentHashMap<>(bySlug);
        for (Entry e : entries) {
            next.merge(e.slug(), e, (old, fresh) -> fresh.rowVersion() < old.rowVersion()
                    || fresh.listVersion() < old.listVersion() ? old : fresh);
        }
        bySlug = next;
    }

    /** The public letter with this slug; a letter published on another instance a moment ago is read from the database. */
    public Optional<Entry> find(String slug) {
        Entry e = bySlug.get(slug);
        if (e != null) {
            return Optional.of(e);
        }
        List<Entry> fresh = QuarkusTransaction.requiringNew().call(() -> read(SELECT + " and l.slug = ?1", slug));
        merge(fresh);
        return fresh.stream().findFirst();
    }

    /** Only what this instance already knows; never touches the database (safe on the I/O thread). */
    public Optional<Entry> cached(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public List<Entry> all() {
        return List.copyOf(bySlug.values());
    }

    @SuppressWarnings("unchecked")
    private List<Entry> read(String sql, Object param) {
        var query = em.createNativeQuery(sql, Tuple.class);
        if (param != null) {
            query.setParameter(1, param);
        }
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(r -> new Entry(Sql.longValue(r, "id"), Sql.string(r, "slug"), Sql.longValue(r, "version"),
                LetterState.valueOf(Sql.string(r, "state")), Sql.instant(r, "sign_deadline"), Sql.longValue(r, "list_version"),
                new PublicSignatories.Counts(Sql.longValue(r, "organizations"), Sql.longValue(r, "individuals")),
                java.util.Arrays.stream(Sql.string(r, "languages").split(",")).map(Language::new).toList())).toList();
    }
}
