package org.undersigned.web;

/**
 * Keeps a user-supplied name from reordering the text around it. In HTML, names stand in
 * {@code <bdi>} or carry {@code dir="auto"}; inside a translated sentence and in plain-text
 * emails they are wrapped in the Unicode isolates FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE,
 * which is what {@code <bdi>} means (Unicode Bidirectional Algorithm, UAX #9), so an Arabic
 * organization name never scrambles the punctuation after it.
 */
public final class Bidi {

    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';

    private Bidi() {
    }

    public static String isolate(String text) {
        return text == null ? null : FSI + text + PDI;
    }
}
