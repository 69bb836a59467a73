package org.undersigned.signing;

import java.util.EnumSet;
import java.util.Set;

/**
 * UNCONFIRMED (email not yet proven) → PENDING_REVIEW → APPROVED or REJECTED; a signer can
 * withdraw at any point. An approved entry goes back to review when its public
 * details change, and a vetter can reopen a rejected one.
 */
public enum SignatureState {
    UNCONFIRMED, PENDING_REVIEW, APPROVED, REJECTED, WITHDRAWN;

    public Set<SignatureState> next() {
        return switch (this) {
            case UNCONFIRMED -> EnumSet.of(PENDING_REVIEW, APPROVED, WITHDRAWN);
            case PENDING_REVIEW -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED -> EnumSet.of(PENDING_REVIEW, REJECTED, WITHDRAWN);
            case REJECTED -> EnumSet.of(PENDING_REVIEW, WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(SignatureState.class);
        };
    }

    public boolean canMoveTo(SignatureState target) {
        return next().contains(target);
    }

    /** Only approved entries are ever shown or counted publicly. */
    public boolean isPublic() {
        return this == APPROVED;
    }
}
