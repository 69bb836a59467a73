package org.undersigned.webhooks;

import org.undersigned.infra.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a receiver knows a delivery is ours and fresh: HMAC-SHA256, keyed with the endpoint's
 * secret, over {@code "<unix seconds>.<body>"}, sent as
 * {@code Undersigned-Signature: t=<unix seconds>,v1=<hex>} (a second {@code v1} during a
 * rotation's overlap, signed with the previous secret). Receivers recompute it over the raw body
 * and refuse old timestamps to stop replays.
 */
public final class WebhookSignatures {

    public static final String HEADER = "Undersigned-Signature";

    private WebhookSignatures() {
    }

    public static String sign(String secret, long timestamp, String body) {
        return Hashing.hmacSha256Hex(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body);
    }

    public static String header(long timestamp, String body, String secret, String previousSecret) {
        List<String> parts = new ArrayList<>();
        parts.add("t=" + timestamp);
        parts.add("v1=" + sign(secret, timestamp, body));
        if (previousSecret != null) {
            parts.add("v1=" + sign(previousSecret, timestamp, body));
        }
        return String.join(",", parts);
    }
}
