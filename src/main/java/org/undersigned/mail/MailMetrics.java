package org.undersigned.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox as Prometheus sees it: what this instance's sender got back from the SMTP server
 * (counters), and the state of the whole outbox (gauges: backlog, age of the oldest waiting email,
 * emails given up on, bounced). The gauges are read from the database on a schedule, not at
 * scrape time, so a scrape never waits for PostgreSQL; every figure comes from a partial index.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // meters exist (at 0) from the start, not from first use: rate() and absent() need them
public class MailMetrics {

    public record Snapshot(long backlog, long oldestWaitingSeconds, long failed, long bounced) {
        static final Snapshot NONE = new Snapshot(0, 0, 0, 0);
    }

    private final Map<SendResult.Outcome, Counter> outcomes = new EnumMap<>(SendResult.Outcome.class);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bounced = new AtomicLong();
    private volatile Snapshot last = Snapshot.NONE;

    @Inject
    EntityManager em;

    @Inject
    MailMetrics(MeterRegistry registry) {
        for (SendResult.Outcome outcome : SendResult.Outcome.values()) {
            outcomes.put(outcome, Counter.builder("undersigned.mail.sends")
                    .description("Emails handed to the SMTP server by this instance, by the server's answer")
                    .tag("outcome", outcome.name().toLowerCase()).register(registry));
        }
        Gauge.builder("undersigned.mail.backlog", backlog, AtomicLong::get)
                .description("Emails waiting to be sent (all instances)").register(registry);
        Gauge.builder("undersigned.mail.oldest.waiting", oldestWaitingSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest email waiting to be sent (0 when none waits)").register(registry);
        Gauge.builder("undersigned.mail.given.up", failed, AtomicLong::get)
                .description("Emails given up on after every attempt failed (state FAILED)").register(registry);
        Gauge.builder("undersigned.mail.bounced", bounced, AtomicLong::get)
                .description("Emails the server refused for good (state BOUNCED, until retention removes them)").register(registry);
    }

    void sent(List<SendResult> results) {
        for (SendResult r : results) {
            outcomes.get(r.outcome()).increment();
        }
    }

    @Scheduled(every = "${undersigned.metrics.refresh-every:15s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshScheduled() {
        refresh();
    }

    /** Re-reads the outbox's state; returns what the gauges now show. */
    public Snapshot refresh() {
        Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                select (select count(*) from outbox_email where state = 'QUEUED') as backlog,
                       coalesce((select extract(epoch from now() - created_at) from outbox_email
                                 where id = (select min(id) from outbox_email where state = 'QUEUED')), 0) as oldest,
                       (select count(*) from outbox_email where state = 'FAILED') as failed,
                       (select count(*) from outbox_email where state = 'BOUNCED') as bounced""", Tuple.class)
                .getSingleResult());
        Snapshot now = new Snapshot(((Number) row.get("backlog")).longValue(), Math.round(((Number) row.get("oldest")).doubleValue()),
                ((Number) row.get("failed")).longValue(), ((Number) row.get("bounced")).longValue());
        backlog.set(now.backlog());
        oldestWaitingSeconds.set(now.oldestWaitingSeconds());
        failed.set(now.failed());
        bounced.set(now.bounced());
        last = now;
        return now;
    }

    /** The outbox as last read (by the schedule or a test). */
    public Snapshot last() {
        return last;
    }
}
