package org.undersigned.webhooks;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends due webhook deliveries: every instance looks every {@code undersigned.webhooks.send-every},
 * claims a batch (see {@link WebhookClaims}), posts each signed body at once over the JDK HTTP
 * client, outside any transaction, and records the answers. A receiver that does not answer 2xx
 * within the timeout is tried again later with exponential backoff.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    public static final String EVENT_HEADER = "Undersigned-Event";
    public static final String DELIVERY_HEADER = "Undersigned-Delivery";

    @Inject
    WebhookClaims claims;

    @Inject
    WebhookConfig config;

    @Inject
    SiteConfig site;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();

    @Scheduled(every = "${undersigned.webhooks.send-every}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sendDue();
    }

    /** Sends batches until nothing is due; the number of deliveries attempted. */
    public int sendDue() {
        int attempted = 0;
        while (true) {
            List<WebhookClaims.Claimed> batch = claims.claimDue(config.batchSize());
            if (batch.isEmpty()) {
                return attempted;
            }
            claims.record(send(batch));
            attempted += batch.size();
            if (batch.size() < config.batchSize()) {
                return attempted;
            }
        }
    }

    private List<WebhookClaims.Result> send(List<WebhookClaims.Claimed> batch) {
        String siteUrl = site.publicUrl().replaceAll("/+$", "");
        List<CompletableFuture<WebhookClaims.Result>> pending = new ArrayList<>(batch.size());
        for (WebhookClaims.Claimed d : batch) {
            pending.add(post(d, siteUrl));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<WebhookClaims.Result> post(WebhookClaims.Claimed d, String siteUrl) {
        Instant now = Instant.now();
        try {
            String body = WebhookPayloads.body(d, siteUrl);
            long timestamp = now.getEpochSecond();
            String previous = d.previousSecretUntil() != null && now.isBefore(d.previousSecretUntil()) ? d.previousSecret() : null;
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Undersigned-Webhooks/1")
                    .header(EVENT_HEADER, d.event())
                    .header(DELIVERY_HEADER, "whd_" + d.id())
                    .header(WebhookSignatures.HEADER, WebhookSignatures.header(timestamp, body, d.secret(), previous))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        Instant at = Instant.now();
                        if (failure != null) {
                            // Class names only: an exception message could quote the receiver's answer.
                            return new WebhookClaims.Result(d.id(), false, null, failure.getClass().getSimpleName(), at);
                        }
                        int status = response.statusCode();
                        boolean ok = status >= 200 && status < 300;
                        return new WebhookClaims.Result(d.id(), ok, status, ok ? null : "HTTP " + status, at);
                    });
        } catch (RuntimeException e) {
            LOG.warnf("webhook delivery %d could not be sent: %s", d.id(), e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(new WebhookClaims.Result(d.id(), false, null, e.getClass().getSimpleName(), now));
        }
    }
}
