package org.undersigned.letter;

import org.junit.jupiter.api.Test;
import org.undersigned.web.IllegalTransitionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A partner's lifecycle: ACTIVE ⇄ RETIRED, nothing else. */
class PartnerStateTest {

    @Test
    void anActivePartnerRetiresAndARetiredOneIsReinstated() {
        assertEquals(PartnerState.RETIRED, PartnerState.ACTIVE.moveTo(PartnerState.RETIRED));
        assertEquals(PartnerState.ACTIVE, PartnerState.RETIRED.moveTo(PartnerState.ACTIVE));
        assertTrue(PartnerState.ACTIVE.canMoveTo(PartnerState.RETIRED));
        assertTrue(PartnerState.RETIRED.canMoveTo(PartnerState.ACTIVE));
    }

    @Test
    void retiringARetiredPartnerOrReinstatingAnActiveOneIsIllegal() {
        for (PartnerState s : PartnerState.values()) {
            assertFalse(s.canMoveTo(s));
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> s.moveTo(s));
            assertEquals(409, e.status());
        }
    }
}
