package org.undersigned.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Delivers queued email. Each round claims a batch (most urgent first), hands every email of it to
 * the mailer at once (Vert.x mail client: pooled, kept-alive, pipelined SMTP connections), waits
 * for the answers and records them in a few statements; then the next batch, until the outbox is
 * empty, a cap is reached, or the server asked to slow down. Several instances share the work.
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

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${undersigned.mail.send-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        drain();
    }

    /** Sends batches until there is nothing due (or a cap or pause stops it); returns how many were handled. */
    int drain() {
        int handled = 0;
        int failed = 0;
        while (!stopping) {
            int want = rate.permits(config.batchSize());
            if (want == 0) {
                break;
            }
            List<OutboxClaims.Claimed> batch = claims.claimDue(want);
            if (batch.isEmpty()) {
                break;
            }
            List<SendResult> results = send(batch);
            claims.record(results);
            rate.observe(results);
            handled += results.size();
            failed += (int) results.stream().filter(r -> r.outcome() != SendResult.Outcome.SENT).count();
            if (batch.size() < want) {
                break;
            }
        }
        if (failed > 0) {
            Log.warnf("Outbox: %d handled, %d not accepted (retried later or bounced)", handled, failed);
        }
        return handled;
    }

    /**
     * Sends a batch concurrently. Whatever has not answered within the mailer's timeout stays
     * claimed and is tried again once the claim lapses.
     */
    private List<SendResult> send(List<OutboxClaims.Claimed> batch) {
        ConcurrentLinkedQueue<SendResult> results = new ConcurrentLinkedQueue<>();
        List<Uni<Void>> sends = new ArrayList<>(batch.size());
        for (OutboxClaims.Claimed email : batch) {
            sends.add(Uni.createFrom().deferred(() -> mailer.send(messages.toMail(email)))
                    .onItemOrFailure().invoke((ok, failure) -> results.add(failure == null
                            ? SendResult.sent(email.id(), Instant.now())
                            : SendResult.failed(email.id(), Instant.now(), failure)))
                    .onFailure().recoverWithNull());
        }
        try {
            Uni.join().all(sends).andCollectFailures().await().atMost(config.batchTimeout());
        } catch (RuntimeException timeout) {
            Log.warnf("Outbox: %d of %d emails got no answer in time; they will be retried",
                    batch.size() - results.size(), batch.size());
        }
        return new ArrayList<>(results);
    }
}
