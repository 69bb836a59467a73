package org.undersigned.vetting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries waiting for a vetter, per open or closed letter, as
 * {@code undersigned_vetting_waiting{letter="<slug>"}}. Read from the maintained counts (V8_1:
 * folded totals plus unfolded deltas), never by counting signatures, so it costs a few hundred
 * rows whether a letter has a hundred signatures or a million; and on a schedule, not at scrape time.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // meters exist (at 0) from the start, not from first use: rate() and absent() need them
public class VettingQueueMetrics {

    private final MultiGauge waiting;

    @Inject
    EntityManager em;

    VettingQueueMetrics(MeterRegistry registry) {
        waiting = MultiGauge.builder("undersigned.vetting.waiting")
                .description("Entries waiting for review, per letter (open or closed letters)").register(registry);
    }

    @Scheduled(every = "${undersigned.metrics.refresh-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshScheduled() {
        refresh();
    }

    /** Re-reads the counts; returns entries waiting by letter slug. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> refresh() {
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select l.slug as slug, coalesce(sum(c.n), 0) as waiting
                from letter l
                left join (select letter_id, n from signature_day_count where state = 'PENDING_REVIEW'
                           union all
                           select letter_id, delta from signature_count_delta where state = 'PENDING_REVIEW') c
                       on c.letter_id = l.id
                where l.state in ('OPEN', 'CLOSED')
                group by l.slug""", Tuple.class).getResultList());
        Map<String, Long> bySlug = new LinkedHashMap<>();
        rows.forEach(r -> bySlug.put(r.get("slug", String.class), ((Number) r.get("waiting")).longValue()));
        waiting.register(bySlug.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("letter", e.getKey()), e.getValue()))
                .toList(), true);
        return bySlug;
    }
}
