package org.undersigned.letter;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a translation stands against the canonical text. CURRENT translates the letter's current
 * text and is shown to readers; a change to the canonical text makes it OUT_OF_DATE (not shown)
 * until an editor writes the translation again, which makes it CURRENT. Saving a CURRENT
 * translation again is a new revision of it; an out-of-date translation cannot be outdated twice.
 */
public enum TranslationState {
    CURRENT,
    OUT_OF_DATE;

    private Set<TranslationState> next() {
        return switch (this) {
            case CURRENT -> EnumSet.of(CURRENT, OUT_OF_DATE);
            case OUT_OF_DATE -> EnumSet.of(CURRENT);
        };
    }

    public boolean canMoveTo(TranslationState target) {
        return next().contains(target);
    }
}
