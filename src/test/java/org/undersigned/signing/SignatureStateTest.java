package org.undersigned.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.undersigned.web.IllegalTransitionException;

import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignatureStateTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest
    @EnumSource(SignatureState.class)
    void onlyApprovedEntriesArePublic(SignatureState state) {
        assertEquals(state == SignatureState.APPROVED, state.isPublic());
    }

    @Test
    void theTransitionsAreExactlyTheDocumentedOnes() {
        assertEquals(EnumSet.of(SignatureState.PENDING_REVIEW, SignatureState.APPROVED, SignatureState.WITHDRAWN,
                SignatureState.INVALIDATED), SignatureState.UNCONFIRMED.next());
        assertEquals(EnumSet.of(SignatureState.APPROVED, SignatureState.REJECTED, SignatureState.DUPLICATE,
                SignatureState.WITHDRAWN, SignatureState.INVALIDATED), SignatureState.PENDING_REVIEW.next());
        assertEquals(EnumSet.of(SignatureState.PENDING_REVIEW, SignatureState.REJECTED, SignatureState.DUPLICATE,
                SignatureState.WITHDRAWN, SignatureState.INVALIDATED), SignatureState.APPROVED.next());
        assertEquals(EnumSet.of(SignatureState.PENDING_REVIEW, SignatureState.WITHDRAWN, SignatureState.INVALIDATED),
                SignatureState.REJECTED.next());
        assertEquals(EnumSet.of(SignatureState.PENDING_REVIEW, SignatureState.WITHDRAWN, SignatureState.INVALIDATED),
                SignatureState.DUPLICATE.next());
        assertEquals(EnumSet.noneOf(SignatureState.class), SignatureState.WITHDRAWN.next());
        // Reversing a bulk invalidation restores whatever state the entry had before it.
        assertEquals(EnumSet.complementOf(EnumSet.of(SignatureState.INVALIDATED)), SignatureState.INVALIDATED.next());
    }

    @Test
    void invalidationIsReversibleAndOnlyToTheRecordedState() {
        Signature s = new Signature();
        s.confirm(NOW, false);
        s.approve(NOW, null);
        s.invalidate(NOW);
        assertEquals(SignatureState.INVALIDATED, s.state());
        assertThrows(IllegalTransitionException.class, () -> s.invalidate(NOW));
        assertThrows(IllegalTransitionException.class, () -> s.approve(NOW, null));
        assertThrows(IllegalTransitionException.class, () -> s.restoreAfterInvalidation(SignatureState.WITHDRAWN, NOW));
        s.restoreAfterInvalidation(SignatureState.APPROVED, NOW);
        assertEquals(SignatureState.APPROVED, s.state());
        assertThrows(IllegalTransitionException.class, () -> s.restoreAfterInvalidation(SignatureState.APPROVED, NOW));
    }

    @Test
    void confirmingGoesToReviewOrStraightToApproval() {
        Signature reviewed = new Signature();
        reviewed.confirm(NOW, false);
        assertEquals(SignatureState.PENDING_REVIEW, reviewed.state());
        assertNotNull(reviewed.confirmedAt());

        Signature auto = new Signature();
        auto.confirm(NOW, true);
        assertEquals(SignatureState.APPROVED, auto.state());
        assertEquals(NOW, auto.decidedAt());
    }

    @Test
    void anUnconfirmedSignatureCannotBeApprovedWithoutConfirmationOrRejected() {
        Signature s = new Signature();
        assertThrows(IllegalTransitionException.class, () -> s.approve(NOW, null));
        assertThrows(IllegalTransitionException.class, () -> s.reject(NOW, null, null));
        assertThrows(IllegalTransitionException.class, () -> s.returnToReview(NOW));
        assertEquals(SignatureState.UNCONFIRMED, s.state());
    }

    @Test
    void confirmingTwiceFailsLoudly() {
        Signature s = new Signature();
        s.confirm(NOW, false);
        assertThrows(IllegalTransitionException.class, () -> s.confirm(NOW, false));
    }

    @Test
    void aWithdrawnSignatureStaysWithdrawn() {
        Signature s = new Signature();
        s.confirm(NOW, false);
        s.approve(NOW, null);
        s.withdraw(NOW);
        assertEquals(SignatureState.WITHDRAWN, s.state());
        assertEquals(NOW, s.withdrawnAt());
        assertThrows(IllegalTransitionException.class, () -> s.approve(NOW, null));
        assertThrows(IllegalTransitionException.class, () -> s.withdraw(NOW));
        assertThrows(IllegalTransitionException.class, () -> s.returnToReview(NOW));
    }

    @Test
    void aRejectedSignatureCanBeReopenedButNotApprovedDirectly() {
        Signature s = new Signature();
        s.confirm(NOW, false);
        s.reject(NOW, null, "no");
        assertThrows(IllegalTransitionException.class, () -> s.approve(NOW, null));
        s.returnToReview(NOW);
        assertEquals(SignatureState.PENDING_REVIEW, s.state());
    }
}
