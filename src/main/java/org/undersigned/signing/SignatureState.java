package org.undersigned.signing;

import java.util.EnumSet;
import java.util.Set;

/**
 * UNCONFIRMED (email not yet proven) → PENDING_REVIEW → APPROVED or REJECTED; a signer can
 * withdraw at any point. A vetter may also mark an entry as a DUPLICATE of another. An approved
 * entry goes back to review when its public details change, and a vetter can reopen a decision.
 * An admin's bulk invalidation (a flood from one address or domain) moves any live entry to
 * INVALIDATED, and reversing it restores the state it had; the signer can still withdraw.
 */
public enum SignatureState {
    UNCONFIRMED, PENDING_REVIEW, APPROVED, REJECTED, DUPLICATE, WITHDRAWN, INVALIDATED;

    public Set<SignatureState> next() {
        return switch (this) {
            case UNCONFIRMED -> EnumSet.of(PENDING_REVIEW, APPROVED, WITHDRAWN, INVALIDATED);
            case PENDING_REVIEW -> EnumSet.of(APPROVED, REJECTED, DUPLICATE, WITHDRAWN, INVALIDATED);
            case APPROVED -> EnumSet.of(PENDING_REVIEW, REJECTED, DUPLICATE, WITHDRAWN, INVALIDATED);
            case REJECTED, DUPLICATE -> EnumSet.of(PENDING_REVIEW, WITHDRAWN, INVALIDATED);
            case WITHDRAWN -> EnumSet.noneOf(SignatureState.class);
            // Reversal goes back to wherever the entry was; withdrawal remains the signer's right.
            case INVALIDATED -> EnumSet.of(UNCONFIRMED, PENDING_REVIEW, APPROVED, REJECTED, DUPLICATE, WITHDRAWN);
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
