package org.undersigned.web;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Everything people type is kept as plain text: normalized here, checked for characters that
 * have no business in a name or an address, and escaped by the templates on the way out.
 */
public final class PlainText {

    private static final Pattern RUNS_OF_WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u2028\\u2029\\u3000]+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");

    private PlainText() {
    }

    /** A single-line value: Unicode NFC, any whitespace run becomes one space, trimmed. Blank is null. */
    public static String line(String raw) {
        if (raw == null) {
            return null;
        }
        String s = RUNS_OF_WHITESPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").trim();
        return s.isEmpty() ? null : s;
    }

    /** A multi-line value (Markdown, reasons): NFC, Unix line ends, no trailing spaces. Blank is null. */
    public static String block(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        s = TRAILING_SPACE.matcher(s).replaceAll("").strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * True when the text holds only characters a person could have meant to type: no control
     * characters (other than line breaks and tabs), no U+FFFD left behind by invalid UTF-8, no
     * lone surrogates or non-characters, and no bidirectional overrides that can make a name
     * display as something else.
     */
    public static boolean isAcceptable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
                return false;
            }
            if (!isAcceptable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isAcceptable(int cp) {
        if (cp == '\n' || cp == '\t') {
            return true;
        }
        if (Character.getType(cp) == Character.CONTROL) {
            return false;
        }
        if (cp == 0xFFFD || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
            return false;
        }
        // Embedding, override and isolate controls: U+202A..U+202E, U+2066..U+2069.
        return !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069);
    }
}
