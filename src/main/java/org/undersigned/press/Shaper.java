package org.undersigned.press;

import org.undersigned.infra.ShippedFonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenType shaping for complex scripts (Indic, Sinhala, Thai, Lao, Khmer, Myanmar, and any text
 * with combining marks): conjuncts and half forms, vowel signs moved before their consonant,
 * marks stacked and positioned. PDFBox substitutes glyphs only for a few scripts and positions no
 * marks; the JDK's font layout is HarfBuzz, which does the whole job, so the glyphs and their
 * positions come from it and PDFBox merely draws them by id.
 */
final class Shaper {

    /** Glyphs in drawing order with their positions, in thousandths of an em (y up). */
    record Shaped(int[] glyphs, float[] x, float[] y, float advance, String[] text) {
    }

    /** The JDK's ids for glyphs it lays out but never draws (joiners and the like). */
    private static final int INVISIBLE = 0xFFFE;
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    private static final ConcurrentHashMap<String, Font> FONTS = new ConcurrentHashMap<>();

    private Shaper() {
    }

    /** Shapes a left-to-right run of text that one font prints. */
    static Shaped shape(ShippedFonts shipped, String file, String text) {
        Font font = FONTS.computeIfAbsent(file, f -> create(shipped.bytes(f)));
        char[] chars = text.toCharArray();
        GlyphVector gv = font.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int n = gv.getNumGlyphs();
        float[] positions = gv.getGlyphPositions(0, n, null);
        int[] clusterStart = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (gv.getGlyphCode(i) < INVISIBLE) {
                count++;
            }
            clusterStart[i] = gv.getGlyphCharIndex(i);
        }
        int[] glyphs = new int[count];
        float[] x = new float[count];
        float[] y = new float[count];
        String[] glyphText = new String[count];
        int[] starts = distinctSorted(clusterStart);
        for (int i = 0, j = 0; i < n; i++) {
            int code = gv.getGlyphCode(i);
            if (code >= INVISIBLE) {
                continue;
            }
            glyphs[j] = code;
            x[j] = positions[2 * i];
            y[j] = -positions[2 * i + 1];
            glyphText[j] = clusterText(text, starts, clusterStart[i]);
            j++;
        }
        float advance = (float) gv.getGlyphPosition(n).getX();
        return new Shaped(glyphs, x, y, advance, glyphText);
    }

    private static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** The characters of the cluster that starts at this index: up to the next cluster's start. */
    private static String clusterText(String text, int[] starts, int start) {
        int at = Arrays.binarySearch(starts, start);
        int end = at + 1 < starts.length ? starts[at + 1] : text.length();
        String cluster = text.substring(start, Math.max(end, start + 1));
        String visible = cluster.replace("\u200d", "").replace("\u200c", "");
        return visible.isEmpty() ? cluster : visible;
    }

    private static Font create(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(1000f);
        } catch (FontFormatException e) {
            throw new IllegalStateException("a shipped font is not TrueType", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
