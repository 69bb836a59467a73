package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports when email lags behind, in readiness, without ever taking the instance out of service:
 * a lagging outbox is shared by every instance, so removing one from the load balancer would only
 * make things worse. The check is always UP and says "degraded" in its data; the alert on
 * {@code undersigned_mail_oldest_waiting_seconds} is what wakes someone (docs/operations.md).
 */
@Readiness
@ApplicationScoped
public class OutboxLagCheck implements HealthCheck {

    @Inject
    MailMetrics metrics;

    @Inject
    MailConfig config;

    @Override
    public HealthCheckResponse call() {
        MailMetrics.Snapshot outbox = metrics.last();
        boolean lagging = outbox.oldestWaitingSeconds() > config.lagWarning().toSeconds();
        return HealthCheckResponse.named("outbox-lag").up()
                .withData("status", lagging ? "degraded" : "ok")
                .withData("backlog", outbox.backlog())
                .withData("oldestWaitingSeconds", outbox.oldestWaitingSeconds())
                .build();
    }
}
