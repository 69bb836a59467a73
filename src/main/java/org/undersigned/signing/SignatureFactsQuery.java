package org.undersigned.signing;

import org.undersigned.infra.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.undersigned.letter.SignatureFacts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over a letter's signatures, for the admin pages. Read from the incrementally
 * maintained totals (V8_1 migration, {@link SignatureCounts}) plus the deltas not yet folded into
 * them: a few hundred rows whatever the size of the letter, and exact.
 */
@ApplicationScoped
public class SignatureFactsQuery implements SignatureFacts {

    /** Per letter: the folded totals by state, day and text version, and the pending deltas. */
    private static final String BY_DAY = """
            (select state, day, letter_version, n from signature_day_count where letter_id = :letter
             union all
             select state, day, letter_version, delta from signature_count_delta where letter_id = :letter)""";

    private static final String BY_REGION = """
            (select state, region, n from signature_region_count where letter_id = :letter
             union all
             select state, region, delta from signature_count_delta where letter_id = :letter)""";

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Long> countsByState(long letterId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SignatureState state : SignatureState.values()) {
            counts.put(state.name(), 0L);
        }
        List<Tuple> rows = em.createNativeQuery("select state, sum(n) as n from " + BY_DAY + " c group by state", Tuple.class)
                .setParameter("letter", letterId).getResultList();
        rows.forEach(r -> counts.put(r.get("state", String.class), Sql.longValue(r, "n")));
        return counts;
    }

    @Override
    public long liveOnEarlierVersion(long letterId, int version) {
        return ((Number) em.createNativeQuery("select coalesce(sum(n), 0) from " + BY_DAY + " c where letter_version < :version"
                        + " and state in ('UNCONFIRMED', 'PENDING_REVIEW', 'APPROVED')")
                .setParameter("letter", letterId).setParameter("version", version).getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DayCount> signOnsPerDay(long letterId, int days) {
        List<Tuple> rows = em.createNativeQuery("""
                        select d::date as day, coalesce(sum(c.n), 0) as n
                        from generate_series((now() at time zone 'UTC')::date - (:days - 1), (now() at time zone 'UTC')::date,
                                             interval '1 day') d
                        left join %s c on c.day = d::date
                        group by d order by d""".formatted(BY_DAY), Tuple.class)
                .setParameter("letter", letterId).setParameter("days", days).getResultList();
        List<DayCount> out = new ArrayList<>();
        for (Tuple r : rows) {
            Object d = r.get("day");
            LocalDate day = d instanceof Date sql ? sql.toLocalDate() : (LocalDate) d;
            out.add(new DayCount(day, Sql.longValue(r, "n")));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RegionCount> approvedByRegion(long letterId, int top) {
        List<Tuple> rows = em.createNativeQuery("""
                        select region, sum(n) as n from %s c where state = 'APPROVED'
                        group by region having sum(n) > 0 order by 2 desc, 1 limit :top""".formatted(BY_REGION), Tuple.class)
                .setParameter("letter", letterId).setParameter("top", top).getResultList();
        return rows.stream().map(r -> new RegionCount(r.get("region", String.class), Sql.longValue(r, "n"))).toList();
    }
}
