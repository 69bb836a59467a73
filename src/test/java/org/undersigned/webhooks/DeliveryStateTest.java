package org.undersigned.webhooks;

import org.junit.jupiter.api.Test;
import org.undersigned.web.IllegalTransitionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeliveryStateTest {

    @Test
    void aDeliveryMovesOnlyAlongItsLifecycle() {
        assertEquals(DeliveryState.DELIVERED, DeliveryState.QUEUED.moveTo(DeliveryState.DELIVERED));
        assertEquals(DeliveryState.FAILED, DeliveryState.QUEUED.moveTo(DeliveryState.FAILED));
        assertEquals(DeliveryState.QUEUED, DeliveryState.QUEUED.moveTo(DeliveryState.QUEUED), "a retry");
        assertEquals(DeliveryState.QUEUED, DeliveryState.FAILED.moveTo(DeliveryState.QUEUED), "an admin's redelivery");
        assertThrows(IllegalTransitionException.class, () -> DeliveryState.DELIVERED.moveTo(DeliveryState.QUEUED));
        assertThrows(IllegalTransitionException.class, () -> DeliveryState.DELIVERED.moveTo(DeliveryState.FAILED));
        assertThrows(IllegalTransitionException.class, () -> DeliveryState.FAILED.moveTo(DeliveryState.DELIVERED));
    }
}
