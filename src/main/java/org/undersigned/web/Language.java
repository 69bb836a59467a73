package org.undersigned.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A language as pages, emails and letter texts use it: a BCP 47 tag ("es", "pt-BR", "zh-Hant"),
 * its writing direction and its name in itself ("Español"), for links that offer it.
 */
public record Language(String tag) {

    public static final Language ENGLISH = new Language("en");

    /** Languages written right to left (by their primary subtag). */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "syr");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    public Language {
        tag = Locale.forLanguageTag(tag).toLanguageTag();
    }

    /** A well-formed tag whose primary language ISO 639 knows; anything else is empty. */
    public static Optional<Language> parse(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35 || !tag.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(tag.strip());
        if (locale.getLanguage().isEmpty() || !ISO_LANGUAGES.contains(locale.getLanguage())
                && !RIGHT_TO_LEFT.contains(locale.getLanguage())) {
            return Optional.empty();
        }
        return Optional.of(new Language(locale.toLanguageTag()));
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The primary subtag: "pt" for "pt-BR". */
    public String primary() {
        return locale().getLanguage();
    }

    public boolean rightToLeft() {
        return RIGHT_TO_LEFT.contains(primary());
    }

    /** For the {@code dir} attribute. */
    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /** The language's name in itself, capitalized as a link label: "Español", "Français", "العربية". */
    public String nativeName() {
        Locale l = locale();
        String name = l.getDisplayName(l);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }

    @Override
    public String toString() {
        return tag;
    }
}
