package org.undersigned.webhooks;

import org.undersigned.web.IllegalTransitionException;

import java.util.Map;
import java.util.Set;

/**
 * A webhook delivery's life: QUEUED (waiting or between retries) → DELIVERED (a 2xx answer) or
 * FAILED (out of attempts); an admin may queue a FAILED one again.
 */
public enum DeliveryState {
    QUEUED, DELIVERED, FAILED;

    private static final Map<DeliveryState, Set<DeliveryState>> ALLOWED = Map.of(
            QUEUED, Set.of(DELIVERED, FAILED, QUEUED),
            DELIVERED, Set.of(),
            FAILED, Set.of(QUEUED));

    public boolean canMoveTo(DeliveryState next) {
        return ALLOWED.get(this).contains(next);
    }

    public DeliveryState moveTo(DeliveryState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException("webhook delivery", this, next);
        }
        return next;
    }
}
