package org.undersigned.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint can subscribe to; the names are what the database triggers write and receivers see. */
public enum WebhookEvent {
    SIGNATURE_CONFIRMED("signature.confirmed"),
    SIGNATURE_APPROVED("signature.approved"),
    SIGNATURE_WITHDRAWN("signature.withdrawn"),
    LETTER_STATE_CHANGED("letter.state_changed");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
