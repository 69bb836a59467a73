package org.undersigned.web;

import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/** Small formatting helpers available in every template. */
@TemplateExtension
public class TemplateExtensions {

    /** A user-supplied name inside a translated sentence, isolated as {@code <bdi>} would (see {@link Bidi}). */
    static String isolated(String value) {
        return Bidi.isolate(value);
    }

    /** "PENDING_REVIEW" → "pending review". */
    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "PENDING_REVIEW" → "Pending review". */
    static String label(String value) {
        String l = lower(value);
        return l == null || l.isEmpty() ? l : Character.toUpperCase(l.charAt(0)) + l.substring(1);
    }
}
