package org.undersigned.signing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys derived from a signatory's name. The sort key orders the public list the way a reader
 * expects (case and accents ignored, a leading "The" skipped); the name key goes further and
 * drops punctuation, spaces and legal suffixes, so "The A.C.L.U., Inc." and "ACLU" collide
 * when looking for duplicates.
 */
public final class NameKeys {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LEADING_NON_ALNUM = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^the\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> LEGAL_SUFFIXES = Set.of(
            "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
            "pbc", "plc", "gmbh", "ev", "nfp", "npo");

    private NameKeys() {
    }

    /** Lower case, no accents, no leading "The" or leading punctuation. */
    public static String sortKey(String name) {
        String s = foldAccents(name).toLowerCase(Locale.ROOT);
        s = WHITESPACE.matcher(s).replaceAll(" ").trim();
        s = LEADING_NON_ALNUM.matcher(s).replaceFirst("");
        s = LEADING_ARTICLE.matcher(s).replaceFirst("");
        s = LEADING_NON_ALNUM.matcher(s).replaceFirst("");
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /**
     * The key the public list sorts by: from the sort name when one is given (an individual's
     * family name, so "Ada Okafor" files under O), then the displayed name to break ties;
     * otherwise the displayed name alone.
     */
    public static String listSortKey(String displayName, String sortName) {
        return sortName == null || sortName.isBlank() ? sortKey(displayName) : sortKey(sortName + " " + displayName);
    }

    /** The sort key without punctuation, spaces or a trailing legal form; "&" counts as "and". */
    public static String nameKey(String name) {
        String s = sortKey(name.replace("&", " and "));
        String[] words = NON_ALNUM.matcher(s).replaceAll(" ").trim().split(" ");
        int end = words.length;
        while (end > 1 && LEGAL_SUFFIXES.contains(words[end - 1])) {
            end--;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < end; i++) {
            key.append(words[i]);
        }
        return key.length() > 200 ? key.substring(0, 200) : key.toString();
    }

    /** A search query folded the same way as the sort key, so "cafe" finds "Café". */
    public static String searchKey(String query) {
        return WHITESPACE.matcher(foldAccents(query).toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /**
     * Removes accents from Latin letters only: "é" files under "e" for every reader of a Latin
     * script, but "й" is its own letter in Russian and must keep its mark.
     */
    static String foldAccents(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            // ASCII carries no marks: the common case costs one comparison (this runs on every sign-on).
            if (cp < 0x80 || Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                out.appendCodePoint(cp);
                return;
            }
            switch (cp) {
                // Latin letters that carry no combining mark in Unicode but that readers file under a base letter.
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'Æ' -> out.append("AE");
                case 'œ' -> out.append("oe");
                case 'Œ' -> out.append("OE");
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'đ' -> out.append('d');
                case 'Đ' -> out.append('D');
                case 'þ' -> out.append("th");
                case 'Þ' -> out.append("TH");
                case 'ı' -> out.append('i');
                default -> out.append(COMBINING_MARKS.matcher(
                        Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD)).replaceAll(""));
            }
        });
        // Marks typed separately after a Latin letter (not composed by NFC) go too.
        if (!COMBINING_MARKS.matcher(out).find()) {
            return out.toString();
        }
        return COMBINING_MARKS.matcher(out).replaceAll(m -> isAfterLatin(out, m.start()) ? "" : java.util.regex.Matcher.quoteReplacement(m.group()));
    }

    private static boolean isAfterLatin(CharSequence s, int index) {
        return index > 0 && Character.UnicodeScript.of(Character.codePointBefore(s, index)) == Character.UnicodeScript.LATIN;
    }
}
