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
