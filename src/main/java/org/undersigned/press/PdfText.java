package org.undersigned.press;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text for PDF pages drawn directly with PDFBox: each line is put in visual order with ICU's
 * bidirectional algorithm, Arabic is shaped into its joined forms, and every character is given
 * the first font of the chain that has it (Latin/Greek/Cyrillic, Arabic, Hebrew, Chinese and
 * Japanese, Korean). Widths are cached per font and character, since a long list measures the
 * same characters again and again.
 */
final class PdfText {

    /** A piece of a line drawn with one font, already in visual (left-to-right) order. */
    record Run(String text, PDType0Font font, float width) {
    }

    /** A font of the chain: its PDF font and the parsed file to ask which characters it has. */
    record ChainFont(PDType0Font pdf, TrueTypeFont file, CmapLookup cmap) {
    }

    private final List<ChainFont> chain;
    private final ArabicShaping shaper = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL);
    private final Map<PDType0Font, Map<Integer, Float>> widths = new HashMap<>();

    PdfText(List<ChainFont> chain) {
        this.chain = chain;
    }

    /** The line in visual order, split into runs by font, with widths at the given size. */
    List<Run> layout(String line, float size) {
        List<Run> runs = new ArrayList<>();
        if (line.isEmpty()) {
            return runs;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            split(line, size, runs);
            return runs;
        }
        for (int i = 0; i < bidi.countRuns(); i++) {
            BidiRun r = bidi.getVisualRun(i);
            String logical = line.substring(r.getStart(), r.getLimit());
            if (r.isOddRun()) {
                String shaped = shape(logical);
                split(Bidi.writeReverse(shaped, Bidi.DO_MIRRORING), size, runs);
            } else {
                split(logical, size, runs);
            }
        }
        return runs;
    }

    static float width(List<Run> runs) {
        float w = 0;
        for (Run r : runs) {
            w += r.width();
        }
        return w;
    }

    private String shape(String text) {
        try {
            String shaped = shaper.shape(text);
            // Keep the joined forms only where the fonts have them; otherwise the plain letters.
            return shaped.codePoints().allMatch(cp -> fontFor(cp) != null) ? shaped : text;
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    private void split(String text, float size, List<Run> runs) {
        StringBuilder current = new StringBuilder();
        ChainFont currentFont = null;
        float currentWidth = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                continue; // joiners and marks of direction: already applied by bidi and shaping
            }
            ChainFont font = fontFor(cp);
            if (font == null) {
                cp = '?';
                font = chain.get(0);
            }
            if (currentFont != null && font != currentFont) {
                runs.add(new Run(current.toString(), currentFont.pdf(), currentWidth));
                current.setLength(0);
                currentWidth = 0;
            }
            currentFont = font;
            current.appendCodePoint(cp);
            currentWidth += advance(font.pdf(), cp) * size / 1000f;
        }
        if (currentFont != null && !current.isEmpty()) {
            runs.add(new Run(current.toString(), currentFont.pdf(), currentWidth));
        }
    }

    private ChainFont fontFor(int cp) {
        if (Character.isWhitespace(cp)) {
            return chain.get(0);
        }
        for (ChainFont f : chain) {
            if (f.cmap().getGlyphId(cp) > 0) {
                return f;
            }
        }
        return null;
    }

    private float advance(PDType0Font font, int cp) {
        return widths.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
                return 500f;
            }
        });
    }
}
