package org.undersigned.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Delivers queued email through Quarkus Mailer, with retries; an SMTP outage only delays mail. */
@ApplicationScoped
public class OutboxSender {

    @Inject
    OutboxClaims claims;

    @Inject
    Mailer mailer;

    @Scheduled(every = "${undersigned.mail.send-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int sent = 0;
        int failed = 0;
        for (OutboxClaims.Claimed email : claims.claimDue()) {
            try {
                mailer.send(Mail.withText(email.recipient(), email.subject(), email.bodyText()));
            } catch (RuntimeException e) {
                claims.markFailed(email.id(), e);
                failed++;
                continue;
            }
            claims.markSent(email.id());
            sent++;
        }
        if (failed > 0) {
            Log.warnf("Outbox: %d sent, %d failed and will be retried", sent, failed);
        }
    }
}
