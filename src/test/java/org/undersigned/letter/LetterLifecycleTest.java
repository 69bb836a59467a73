package org.undersigned.letter;

import org.undersigned.web.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LetterLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void theLifecycleIsExactlyTheDocumentedOne() {
        assertEquals(EnumSet.of(LetterState.OPEN), LetterState.DRAFT.next());
        assertEquals(EnumSet.of(LetterState.CLOSED), LetterState.OPEN.next());
        assertEquals(EnumSet.of(LetterState.OPEN, LetterState.DELIVERED, LetterState.ARCHIVED), LetterState.CLOSED.next());
        assertEquals(EnumSet.of(LetterState.ARCHIVED), LetterState.DELIVERED.next());
        assertEquals(Set.of(), LetterState.ARCHIVED.next());
    }

    @ParameterizedTest
    @EnumSource(LetterState.class)
    void onlyDraftsAreHiddenFromThePublic(LetterState state) {
        assertEquals(state != LetterState.DRAFT, state.isPublic());
    }

    @Test
    void publishingFreezesVersionOneAndOpensTheLetter() {
        Letter letter = draft();
        LetterVersion v1 = letter.publish(NOW);
        assertEquals(LetterState.OPEN, letter.state());
        assertEquals(1, v1.number);
        assertEquals(1, letter.currentVersion());
        assertEquals(NOW, letter.openedAt());
        assertEquals(64, v1.sha256.length());
        assertNull(letter.textChangedAt(), "the first version is not a change");
        assertTrue(letter.acceptsSignaturesAt(NOW));
    }

    @Test
    void aLaterVersionIsNumberedAndMarksTheChange() {
        Letter letter = draft();
        letter.publish(NOW);
        letter.bodyMarkdown = "A corrected text.";
        LetterVersion v2 = letter.freezeText(NOW.plusSeconds(60));
        assertEquals(2, v2.number);
        assertEquals(NOW.plusSeconds(60), letter.textChangedAt());
    }

    @Test
    void theDigestCoversTitleAddresseesAndBody() {
        assertEquals(LetterVersion.canonicalText("T", "To", "a\nb"), LetterVersion.canonicalText("T", "To", "a\r\nb"),
                "line ends do not change the digest");
        Letter one = draft();
        Letter two = draft();
        two.addressees = "Someone else";
        assertFalse(one.publish(NOW).sha256.equals(two.publish(NOW).sha256));
    }

    @Test
    void aDraftCannotBeClosedDeliveredOrArchived() {
        Letter letter = draft();
        assertThrows(IllegalTransitionException.class, () -> letter.close(NOW));
        assertThrows(IllegalTransitionException.class, () -> letter.deliver(NOW, NOW, "Amazon", "email"));
        assertThrows(IllegalTransitionException.class, () -> letter.archive(NOW));
        assertThrows(IllegalTransitionException.class, () -> letter.freezeText(NOW));
        assertEquals(LetterState.DRAFT, letter.state());
    }

    @Test
    void anOpenLetterMustCloseBeforeItIsDelivered() {
        Letter letter = draft();
        letter.publish(NOW);
        assertThrows(IllegalTransitionException.class, () -> letter.deliver(NOW, NOW, "Amazon", "email"));
        assertThrows(IllegalTransitionException.class, () -> letter.publish(NOW));
        letter.close(NOW);
        letter.deliver(NOW, NOW.minus(1, ChronoUnit.DAYS), "Amazon", "by email");
        assertEquals(LetterState.DELIVERED, letter.state());
        assertEquals("Amazon", letter.deliveredTo());
        letter.archive(NOW);
        assertEquals(LetterState.ARCHIVED, letter.state());
        assertThrows(IllegalTransitionException.class, () -> letter.reopen(NOW, null));
    }

    @Test
    void aClosedLetterReopensOnlyWithAFutureDeadline() {
        Letter letter = draft();
        letter.publish(NOW);
        letter.close(NOW);
        assertThrows(RuleException.class, () -> letter.reopen(NOW, NOW.minusSeconds(1)));
        assertEquals(LetterState.CLOSED, letter.state());
        letter.reopen(NOW, NOW.plus(7, ChronoUnit.DAYS));
        assertEquals(LetterState.OPEN, letter.state());
        assertNull(letter.closedAt());
    }

    @Test
    void aLetterWhoseDeadlinePassedTakesNoSignaturesEvenBeforeItIsClosed() {
        Letter letter = draft();
        letter.signDeadline = NOW.plusSeconds(3600);
        letter.publish(NOW);
        assertTrue(letter.acceptsSignaturesAt(NOW.plusSeconds(3599)));
        assertFalse(letter.acceptsSignaturesAt(NOW.plusSeconds(3600)));
        assertEquals(LetterState.OPEN, letter.state());
    }

    @Test
    void publishingWithAPastDeadlineIsRefused() {
        Letter letter = draft();
        letter.signDeadline = NOW.minusSeconds(1);
        assertThrows(RuleException.class, () -> letter.publish(NOW));
        assertEquals(LetterState.DRAFT, letter.state());
    }

    @Test
    void illegalTransitionsSayWhatWasAttempted() {
        Letter letter = draft();
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> letter.archive(NOW));
        assertEquals(409, e.status());
        assertNotNull(e.detail());
        assertTrue(e.detail().contains("draft") && e.detail().contains("archived"), e.detail());
    }

    private static Letter draft() {
        Letter letter = new Letter();
        letter.slug = "test";
        letter.title = "Title";
        letter.addressees = "Mr. Bezos and Mr. Jassy";
        letter.bodyMarkdown = "Body";
        letter.coalitionName = "Coalition";
        letter.coalitionContact = "press@example.org";
        return letter;
    }
}
