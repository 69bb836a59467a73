package org.undersigned.mail;

import java.util.EnumSet;
import java.util.Set;

/**
 * QUEUED → SENT (the SMTP server accepted it), BOUNCED (it refused the address for good, 5xx) or
 * FAILED (temporary failures until the attempts ran out). An admin may send a FAILED email again.
 * A temporary failure keeps the email QUEUED with a later attempt time.
 */
public enum OutboxState {
    QUEUED, SENT, FAILED, BOUNCED;

    public Set<OutboxState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(QUEUED, SENT, FAILED, BOUNCED);
            case FAILED -> EnumSet.of(QUEUED);
            case SENT, BOUNCED -> EnumSet.noneOf(OutboxState.class);
        };
    }

    public boolean canMoveTo(OutboxState target) {
        return next().contains(target);
    }
}
