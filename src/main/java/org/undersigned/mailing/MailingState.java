package org.undersigned.mailing;

import java.util.EnumSet;
import java.util.Set;

/**
 * DRAFT → SENDING (an editor confirmed the recipient count; the fan-out runs) → SENT (every
 * recipient's email is queued). A draft can be dropped, and a mailing still sending can be
 * stopped: CANCELLED.
 */
public enum MailingState {
    DRAFT, SENDING, SENT, CANCELLED;

    public Set<MailingState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENDING, CANCELLED);
            case SENDING -> EnumSet.of(SENT, CANCELLED);
            case SENT, CANCELLED -> EnumSet.noneOf(MailingState.class);
        };
    }

    public boolean canMoveTo(MailingState target) {
        return next().contains(target);
    }
}
