package org.undersigned.letter;

import org.undersigned.web.IllegalTransitionException;

import java.util.EnumSet;
import java.util.Set;

/**
 * A partner of a letter: ACTIVE (on the page and the PDF, its link attributes sign-ons) or RETIRED
 * (removed by an editor after people signed on through it: off the page and the PDF, its link no
 * longer attributes, its sign-ons keep their attribution, admins can still export its contacts).
 * A retired partner can be reinstated. A partner nobody signed on through is deleted instead.
 */
public enum PartnerState {
    ACTIVE, RETIRED;

    public Set<PartnerState> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(RETIRED);
            case RETIRED -> EnumSet.of(ACTIVE);
        };
    }

    public boolean canMoveTo(PartnerState target) {
        return next().contains(target);
    }

    /** The target, or {@link IllegalTransitionException} if it cannot be reached from here. */
    public PartnerState moveTo(PartnerState target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException("partner", this, target);
        }
        return target;
    }
}
