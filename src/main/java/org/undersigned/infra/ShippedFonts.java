package org.undersigned.infra;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fonts shipped inside the application (under {@code fonts/}, see its README) and the one
 * place that decides which characters they can print. The letter PDF draws every character with
 * the first face of {@link #faces()} whose character map has it; the vetting view and the letter's
 * admin pages ask {@link #unprintable(String)} so an editor hears about a character no shipped
 * font has before the PDF is published, instead of finding a gap in the printed list.
 */
@ApplicationScoped
public class ShippedFonts {

    /**
     * One face of the fallback chain. {@code boldFile} is null where only a regular weight is
     * shipped (headings then use the regular). {@code complex} faces need OpenType shaping:
     * conjuncts, reordered vowels, stacked or positioned marks.
     */
    public record Face(String family, String regularFile, String boldFile, boolean complex) {
    }

    /** In fallback order: the first face that has a character draws it. */
    private static final List<Face> FACES = List.of(
            new Face("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", false),
            new Face("Noto Sans Arabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", false),
            new Face("Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", false),
            new Face("Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf", null, true),
            new Face("Noto Sans Bengali", "NotoSansBengali-Regular.ttf", null, true),
            new Face("Noto Sans Gurmukhi", "NotoSansGurmukhi-Regular.ttf", null, true),
            new Face("Noto Sans Gujarati", "NotoSansGujarati-Regular.ttf", null, true),
            new Face("Noto Sans Tamil", "NotoSansTamil-Regular.ttf", null, true),
            new Face("Noto Sans Telugu", "NotoSansTelugu-Regular.ttf", null, true),
            new Face("Noto Sans Kannada", "NotoSansKannada-Regular.ttf", null, true),
            new Face("Noto Sans Malayalam", "NotoSansMalayalam-Regular.ttf", null, true),
            new Face("Noto Sans Sinhala", "NotoSansSinhala-Regular.ttf", null, true),
            new Face("Noto Sans Thai", "NotoSansThai-Regular.ttf", null, true),
            new Face("Noto Sans Lao", "NotoSansLao-Regular.ttf", null, true),
            new Face("Noto Sans Khmer", "NotoSansKhmer-Regular.ttf", null, true),
            new Face("Noto Sans Myanmar", "NotoSansMyanmar-Regular.ttf", null, true),
            new Face("Noto Sans Georgian", "NotoSansGeorgian-Regular.ttf", null, false),
            new Face("Noto Sans Armenian", "NotoSansArmenian-Regular.ttf", null, false),
            new Face("Noto Sans Ethiopic", "NotoSansEthiopic-Regular.ttf", null, false),
            new Face("Droid Sans Fallback", "DroidSansFallbackFull.ttf", null, false),
            new Face("Nanum Gothic", "NanumGothic.ttf", null, false),
            new Face("Noto Sans Symbols", "NotoSansSymbols-Regular.ttf", null, false),
            new Face("Noto Sans Symbols 2", "NotoSansSymbols2-Regular.ttf", null, false),
            new Face("Noto Emoji", "NotoEmoji-Regular.ttf", null, false));

    /** Faces the letter's own text uses beyond the chain: its serif face and the italics. */
    private static final List<String> TEXT_FILES = List.of("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf",
            "NotoSerif-Italic.ttf", "NotoSans-Italic.ttf");

    private final Map<String, byte[]> bytes = new LinkedHashMap<>();
    private final List<CmapLookup> cmaps = new ArrayList<>();

    public ShippedFonts() {
        for (Face f : FACES) {
            bytes.put(f.regularFile(), read(f.regularFile()));
            if (f.boldFile() != null) {
                bytes.put(f.boldFile(), read(f.boldFile()));
            }
            cmaps.add(cmapOf(bytes.get(f.regularFile())));
        }
        for (String file : TEXT_FILES) {
            bytes.put(file, read(file));
        }
    }

    public List<Face> faces() {
        return FACES;
    }

    /** The fallback chain, for places that only need the names (such as a CSS font-family list). */
    public static List<Face> chain() {
        return FACES;
    }

    /** The file's bytes, read once from the application. */
    public byte[] bytes(String file) {
        byte[] b = bytes.get(file);
        if (b == null) {
            throw new IllegalArgumentException("not a shipped font: " + file);
        }
        return b;
    }

    /** Index in {@link #faces()} of the face that prints the character, or -1 if none does. */
    public int faceFor(int codePoint) {
        for (int i = 0; i < cmaps.size(); i++) {
            if (cmaps.get(i).getGlyphId(codePoint) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Characters that need no glyph of their own: spaces and line breaks, joiners and direction
     * marks (format characters), variation selectors, and emoji skin-tone modifiers (the emoji
     * font is monochrome: the emoji prints, its tone cannot). They shape or space the text around
     * them; the PDF keeps them in the text it gives to copy/paste.
     */
    public static boolean needsNoGlyph(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.FORMAT
                || type == Character.CONTROL || isVariationSelector(codePoint) || isSkinTone(codePoint);
    }

    static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    public boolean printable(int codePoint) {
        return needsNoGlyph(codePoint) || faceFor(codePoint) >= 0;
    }

    /** The distinct characters of the text that no shipped font can print, in code point order. */
    public List<Integer> unprintable(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> missing = new TreeSet<>();
        text.codePoints().filter(cp -> !printable(cp)).forEach(missing::add);
        return List.copyOf(missing);
    }

    /** As {@link #unprintable(String)}, each written as the character and its code, e.g. "ཀ U+0F40". */
    public List<String> unprintableLabels(String... texts) {
        TreeSet<Integer> missing = new TreeSet<>();
        for (String t : texts) {
            missing.addAll(unprintable(t));
        }
        return missing.stream().map(ShippedFonts::label).toList();
    }

    public static String label(int codePoint) {
        return new String(Character.toChars(codePoint)) + " " + code(codePoint);
    }

    public static String code(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    private static CmapLookup cmapOf(byte[] font) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            // Parsed once, then only read: lookups are safe from many threads.
            return ttf.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("a shipped font cannot be read", e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = ShippedFonts.class.getClassLoader().getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the application: fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
