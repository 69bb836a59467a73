package org.undersigned.letter;

import java.util.EnumSet;
import java.util.Set;

/**
 * DRAFT → OPEN → CLOSED → DELIVERED → ARCHIVED. A closed letter may be reopened (for example to
 * extend its deadline) and may be archived without being delivered (a campaign that ended).
 */
public enum LetterState {
    DRAFT, OPEN, CLOSED, DELIVERED, ARCHIVED;

    public Set<LetterState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(OPEN);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(OPEN, DELIVERED, ARCHIVED);
            case DELIVERED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(LetterState.class);
        };
    }

    public boolean canMoveTo(LetterState target) {
        return next().contains(target);
    }

    /** Everything but a draft can be read by the public. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
