package org.undersigned.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** ISO 3166 country codes and English names, from the JDK's own data (no extra dependency). */
public final class Countries {

    public record Country(String code, String name) {
    }

    private static final List<Country> ALL;
    private static final Map<String, Country> BY_CODE;
    private static final List<Option> OPTIONS;

    static {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.PRIMARY);
        ALL = Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
        OPTIONS = ALL.stream().map(c -> new Option(c.code(), c.name())).toList();
        BY_CODE = ALL.stream().collect(Collectors.toUnmodifiableMap(Country::code, Function.identity()));
    }

    private Countries() {
    }

    public static List<Country> all() {
        return ALL;
    }

    /** For a select list: code as value, English name as label. */
    public static List<Option> options() {
        return OPTIONS;
    }

    private static final Map<String, List<Option>> OPTIONS_BY_LANGUAGE = new java.util.concurrent.ConcurrentHashMap<>();

    /** For a select list in the reader's language: names from the JDK's data, sorted their way. */
    public static List<Option> options(Language language) {
        if (language == null || language.primary().equals("en")) {
            return OPTIONS;
        }
        return OPTIONS_BY_LANGUAGE.computeIfAbsent(language.tag(), tag -> {
            Locale locale = language.locale();
            Collator collator = Collator.getInstance(locale);
            collator.setStrength(Collator.PRIMARY);
            return ALL.stream().map(c -> new Option(c.code(), new Locale("", c.code()).getDisplayCountry(locale)))
                    .sorted(Comparator.comparing(Option::label, collator)).toList();
        });
    }

    /** The country's name in the reader's language. */
    public static String name(String code, Language language) {
        if (code == null || !BY_CODE.containsKey(code)) {
            return code;
        }
        return new Locale("", code).getDisplayCountry(language.locale());
    }

    public static boolean isKnown(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** The English name, or the code itself if unknown, or null for null. */
    public static String name(String code) {
        if (code == null) {
            return null;
        }
        Country c = BY_CODE.get(code);
        return c == null ? code : c.name();
    }
}
