package org.undersigned.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainTextTest {

    @Test
    void singleLinesAreNormalizedAndTrimmed() {
        assertEquals("Stand Up Nashville", PlainText.line("  Stand \t Up\nNashville  "));
        assertEquals("Café", PlainText.line("Cafe\u0301"), "NFC: e + combining acute becomes é");
        assertNull(PlainText.line("   "));
        assertNull(PlainText.line(null));
    }

    @Test
    void blocksKeepLineBreaks() {
        assertEquals("one\n\ntwo", PlainText.block("one  \r\n\r\ntwo\n\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ex-Incarcerated People Organizing (EXPO)", "S.T.O.P. – Surveillance Technology Oversight Project",
            "Правозащитный центр", "مركز الحقوق", "מרכז לזכויות", "人权观察", "<script>alert(1)</script>", "O'Brien & Sons",
            "Line\nbreak", "👩🏽‍⚖️ Lawyers"})
    void ordinaryAndEvenHostileTextIsAcceptedAsPlainText(String text) {
        assertTrue(PlainText.isAcceptable(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000byte", "bell\u0007", "escape\u001b[31m", "del\u007f", "replacement\uFFFD",
            "bidi\u202Eoverride", "isolate\u2066x\u2069", "noncharacter\uFFFF", "lone\uD800surrogate"})
    void controlAndSpoofingCharactersAreRefused(String text) {
        assertFalse(PlainText.isAcceptable(text));
    }
}
