package org.undersigned.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers queued email. Each round claims a batch (most urgent first) and hands every email of
 * it to the mailer at once (Vert.x mail client: pooled, kept-alive, pipelined SMTP connections);
 * while one batch is on the wire the next is claimed, and each batch's answers are recorded in a
 * few statements. It goes on until the outbox is empty, a cap is reached, or the server asks to
 * slow down. Several instances share the work through their claims.
 *
 * <p>The mail client writes a message line by line on the event loop of the context it is called
 * from, and a thread outside Vert.x always gets the same context; so sends are spread over one
 * event-loop context per core, or a single event loop would bound the whole outbox.
 */
@ApplicationScoped
public class OutboxSender {

    @Inject
    OutboxClaims claims;

    @Inject
    ReactiveMailer mailer;

    @Inject
    MailMessages messages;

    @Inject
    SendRate rate;

    @Inject
    MailConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MailBackpressure backpressure;

    private final List<Context> contexts = new ArrayList<>();
    private final AtomicInteger nextContext = new AtomicInteger();
    private volatile boolean stopping;

    @PostConstruct
    void createContexts() {
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < loops; i++) {
            contexts.add(((VertxInternal) vertx).createEventLoopContext());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${undersigned.mail.send-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        drain();
    }

    /** Sends batches until there is nothing due (or a cap or pause stops it); returns how many were handled. */
    public int drain() {
        Deque<InFlight> inFlight = new ArrayDeque<>();
        int handled = 0;
        java.util.Map<String, Integer> failures = new java.util.TreeMap<>();
        boolean more = true;
        while (true) {
            while (more && !stopping && inFlight.size() < config.batchesInFlight()) {
                int want = rate.permits(config.batchSize());
                List<OutboxClaims.Claimed> batch = want == 0 ? List.of() : claims.claimDue(want);
                if (want > 0) {
                    backpressure.observe(batch, batch.size() == want, Instant.now());
                }
                if (!batch.isEmpty()) {
                    inFlight.add(send(batch));
                }
                more = want > 0 && batch.size() == want;
            }
            if (inFlight.isEmpty()) {
                break;
            }
            List<SendResult> results = inFlight.poll().await();
            claims.record(results);
            rate.observe(results);
            handled += results.size();
            results.stream().filter(r -> r.outcome() != SendResult.Outcome.SENT)
                    .forEach(r -> failures.merge(r.outcome() + " " + r.reply(), 1, Integer::sum));
            more = more && !rate.paused();
        }
        if (!failures.isEmpty()) {
            // Outcomes and reply codes only: a reply text can quote the address.
            Log.warnf("Outbox: %d handled, %d not accepted (retried later or bounced): %s", handled,
                    failures.values().stream().mapToInt(Integer::intValue).sum(), failures);
        }
        return handled;
    }

    /** A batch on the wire: its answers arrive as the server gives them. */
    private final class InFlight {
        final int size;
        final ConcurrentLinkedQueue<SendResult> results = new ConcurrentLinkedQueue<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final AtomicInteger pending;

        InFlight(int size) {
            this.size = size;
            this.pending = new AtomicInteger(size);
        }

        void add(SendResult result) {
            results.add(result);
            if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        }

        /** Whatever has not answered within the batch timeout stays claimed and is tried again once the claim lapses. */
        List<SendResult> await() {
            try {
                done.get(config.batchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Log.warnf("Outbox: %d of %d emails got no answer in time; they will be retried", size - results.size(), size);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            return new ArrayList<>(results);
        }
    }

    private InFlight send(List<OutboxClaims.Claimed> batch) {
        InFlight flight = new InFlight(batch.size());
        for (OutboxClaims.Claimed email : batch) {
            Context context = contexts.get(Math.floorMod(nextContext.getAndIncrement(), contexts.size()));
            context.runOnContext(ignored -> {
                try {
                    mailer.send(messages.toMail(email))
                            .ifNoItem().after(config.sendTimeout()).fail()
                            .subscribe().with(
                            ok -> flight.add(SendResult.sent(email.id(), Instant.now())),
                            failure -> flight.add(SendResult.failed(email.id(), Instant.now(), failure)));
                } catch (RuntimeException e) {
                    flight.add(SendResult.failed(email.id(), Instant.now(), e));
                }
            });
        }
        return flight;
    }
}
