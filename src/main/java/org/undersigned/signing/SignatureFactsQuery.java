package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.letter.SignatureFacts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates over a letter's signatures, for the admin pages. */
@ApplicationScoped
public class SignatureFactsQuery implements SignatureFacts {

    @Inject
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Long> countsByState(long letterId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SignatureState state : SignatureState.values()) {
            counts.put(state.name(), 0L);
        }
        List<Object[]> rows = em.createNativeQuery("select state, count(*) from signature where letter_id = ?1 group by state")
                .setParameter(1, letterId).getResultList();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public long liveOnEarlierVersion(long letterId, int version) {
        return ((Number) em.createNativeQuery("select count(*) from signature where letter_id = ?1 and letter_version < ?2"
                        + " and state in ('UNCONFIRMED', 'PENDING_REVIEW', 'APPROVED')")
                .setParameter(1, letterId).setParameter(2, version).getSingleResult()).longValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DayCount> signOnsPerDay(long letterId, int days) {
        List<Object[]> rows = em.createNativeQuery("""
                        select d::date, count(s.id)
                        from generate_series(current_date - (?2 - 1), current_date, interval '1 day') d
                        left join signature s on s.letter_id = ?1 and s.created_at >= d and s.created_at < d + interval '1 day'
                        group by d order by d""")
                .setParameter(1, letterId).setParameter(2, days).getResultList();
        List<DayCount> out = new ArrayList<>();
        for (Object[] r : rows) {
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            out.add(new DayCount(day, ((Number) r[1]).longValue()));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RegionCount> approvedByRegion(long letterId, int top) {
        List<Object[]> rows = em.createNativeQuery("""
                        select coalesce(nullif(trim(region), ''), '(not given)'), count(*) from signature
                        where letter_id = ?1 and state = 'APPROVED'
                        group by 1 order by 2 desc, 1 limit ?2""")
                .setParameter(1, letterId).setParameter(2, top).getResultList();
        return rows.stream().map(r -> new RegionCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }
}
