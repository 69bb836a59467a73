package org.undersigned.logos;

import java.util.EnumSet;
import java.util.Set;

/** A signer's logo: waiting for a vetter, shown, or removed (its image deleted). */
public enum LogoState {
    PENDING, APPROVED, REMOVED;

    public boolean canMoveTo(LogoState target) {
        return allowedFrom().contains(target);
    }

    private Set<LogoState> allowedFrom() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, REMOVED);
            case APPROVED -> EnumSet.of(REMOVED);
            case REMOVED -> EnumSet.noneOf(LogoState.class);
        };
    }
}
