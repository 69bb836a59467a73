package org.undersigned.press;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.undersigned.infra.ShippedFonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text for PDF pages drawn directly with PDFBox. Each line is put in visual order with ICU's
 * bidirectional algorithm (Arabic shaped into its joined forms by ICU); every character is given
 * the first shipped font that has it ({@link ShippedFonts}, the one place that decides); runs in
 * complex scripts, or with combining marks, are shaped by {@link Shaper} and drawn by glyph id.
 *
 * <p>A character no shipped font has is never drawn as "?" or an empty box: its code is printed
 * in brackets ("[U+0F40]"), and the editor was told before publishing (vetting view). Wherever
 * the drawn glyphs do not spell the text one to one (shaped or reordered glyphs, right-to-left
 * lines, joiners, such placeholders), the line carries the text as typed in an ActualText span,
 * so copy/paste, search and screen readers get the name exactly as it was entered.
 */
final class PdfText {

    /** A piece of a line drawn with one font, in visual order: plain text, or shaped glyphs. */
    record Run(String text, DocumentFonts.Loaded font, float width, Shaper.Shaped shaped) {
    }

    /** A line ready to draw: its runs, width, and the text to extract where the glyphs differ. */
    record Line(List<Run> runs, float width, String actualText) {
        static final Line EMPTY = new Line(List.of(), 0, null);
    }

    private final DocumentFonts fonts;
    private final boolean bold;
    private final ArabicShaping arabic = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL);
    private final Map<DocumentFonts.Loaded, Map<Integer, Float>> widths = new HashMap<>();
    private final Map<Integer, Integer> faces = new HashMap<>();

    PdfText(DocumentFonts fonts, boolean bold) {
        this.fonts = fonts;
        this.bold = bold;
    }

    /** The line in visual order, split into runs by font, with widths at the given size. */
    Line layout(String line, float size) {
        if (line.isEmpty()) {
            return Line.EMPTY;
        }
        List<Run> runs = new ArrayList<>();
        boolean[] differs = {false};
        Bidi bidi = mayBeRightToLeft(line) ? new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT) : null;
        if (bidi == null || bidi.isLeftToRight()) {
            split(line, size, runs, differs, true);
        } else {
            // Right-to-left runs are drawn in visual order with each glyph's own Unicode; text
            // extractors put them back in logical order themselves (poppler reverses an ActualText
            // a second time, so none is added for direction alone).
            for (int i = 0; i < bidi.countRuns(); i++) {
                BidiRun r = bidi.getVisualRun(i);
                String logical = line.substring(r.getStart(), r.getLimit());
                if (r.isOddRun()) {
                    split(Bidi.writeReverse(shapeArabic(logical), Bidi.DO_MIRRORING), size, runs, differs, false);
                } else {
                    split(logical, size, runs, differs, true);
                }
            }
        }
        float width = 0;
        for (Run r : runs) {
            width += r.width();
        }
        return new Line(runs, width, differs[0] ? line : null);
    }

    /** Whether the line has a character of a right-to-left script (most lines have none: no bidi needed). */
    private static boolean mayBeRightToLeft(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
                    || (Character.isHighSurrogate(c) && (c == 0xD802 || c == 0xD803 || c == 0xD83A || c == 0xD83B))
                    || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }

    private String shapeArabic(String text) {
        try {
            String shaped = arabic.shape(text);
            // Keep the joined forms only where the fonts have them; otherwise the plain letters.
            return shaped.codePoints().allMatch(cp -> fonts.shipped().printable(cp)) ? shaped : text;
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    /**
     * Splits text into runs of one font. Combining marks and joiners stay with the font of the
     * letter before them when it has them, so a cluster is never torn between fonts.
     */
    private void split(String text, float size, List<Run> runs, boolean[] differs, boolean mayShape) {
        StringBuilder current = new StringBuilder();
        DocumentFonts.Loaded font = null;
        boolean marks = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean joiner = cp == 0x200C || cp == 0x200D;
            boolean staysInCluster = mayShape && font != null && (isMark(cp) ? font.has(cp) : joiner && font.complex);
            if (staysInCluster) {
                current.appendCodePoint(cp);
                marks |= isMark(cp);
                continue;
            }
            if (ShippedFonts.needsNoGlyph(cp) && !Character.isSpaceChar(cp)) {
                differs[0] = true; // joiners, direction marks, variation selectors: not drawn
                continue;
            }
            DocumentFonts.Loaded next;
            String piece;
            if (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
                next = fonts.face(0, bold); // some CJK fonts map control characters to their space glyph too
                cp = ' ';
                piece = " ";
            } else {
                int face = faceFor(cp);
                if (face < 0) {
                    differs[0] = true;
                    next = fonts.face(0, bold);
                    piece = "[" + ShippedFonts.code(cp) + "]";
                } else {
                    next = fonts.face(face, bold);
                    piece = new String(Character.toChars(cp));
                }
            }
            if (font != null && next != font) {
                addRun(current.toString(), font, size, runs, differs, mayShape && (font.complex || marks));
                current.setLength(0);
                marks = false;
            }
            font = next;
            marks |= isMark(cp);
            current.append(piece);
        }
        if (font != null && !current.isEmpty()) {
            addRun(current.toString(), font, size, runs, differs, mayShape && (font.complex || marks));
        }
    }

    private void addRun(String text, DocumentFonts.Loaded font, float size, List<Run> runs, boolean[] differs, boolean shape) {
        if (shape && !text.isBlank()) {
            Shaper.Shaped shaped = Shaper.shape(fonts.shipped(), font.file, text);
            differs[0] = true;
            runs.add(new Run(text, font, shaped.advance() * size / 1000f, shaped));
            return;
        }
        float width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += advance(font, cp) * size / 1000f;
        }
        runs.add(new Run(text, font, width, null));
    }

    /** The shipped face for a character, remembered for this document: a list repeats its characters. */
    private int faceFor(int cp) {
        Integer known = faces.get(cp);
        if (known == null) {
            known = fonts.shipped().faceFor(cp);
            faces.put(cp, known);
        }
        return known;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private float advance(DocumentFonts.Loaded font, int cp) {
        return widths.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> {
            int gid = font.cmap.getGlyphId(c);
            return gid > 0 ? font.advance(gid) : 500f;
        });
    }

    /** Draws the line with its baseline starting at (x, y). */
    static void draw(PDPageContentStream cs, Line line, float x, float y, float size) throws IOException {
        if (line.runs().isEmpty()) {
            return;
        }
        if (line.actualText() != null) {
            // Inline, not as a named property list: poppler (and so most Linux viewers) reads
            // ActualText only from an inline dictionary.
            cs.appendRawCommands("/Span << /ActualText <" + new COSString(line.actualText()).toHexString() + "> >> BDC\n");
        }
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Run run : line.runs()) {
            cs.setFont(run.font().pdf, size);
            if (run.shaped() == null) {
                cs.showText(run.text());
                run.font().drewText(run.text());
            } else {
                showGlyphs(cs, run, size);
            }
        }
        cs.endText();
        if (line.actualText() != null) {
            cs.endMarkedContent();
        }
    }

    /**
     * Shows shaped glyphs by id (Identity-H: the code is the glyph id) in one TJ array whose
     * numbers move each glyph to where the shaper put it; a raised or lowered mark gets a text rise.
     */
    private static void showGlyphs(PDPageContentStream cs, Run run, float size) throws IOException {
        Shaper.Shaped s = run.shaped();
        DocumentFonts.Loaded font = run.font();
        StringBuilder ops = new StringBuilder("[");
        float pen = 0;
        float rise = 0;
        for (int i = 0; i < s.glyphs().length; i++) {
            int gid = s.glyphs()[i];
            float wantRise = s.y()[i] * size / 1000f;
            if (Math.abs(wantRise - rise) > 0.001f) {
                ops.append("] TJ ").append(number(wantRise)).append(" Ts [");
                rise = wantRise;
            }
            float move = s.x()[i] - pen;
            if (Math.abs(move) > 0.05f) {
                ops.append(number(-move)).append(' ');
            }
            ops.append('<').append(HEX[(gid >> 12) & 15]).append(HEX[(gid >> 8) & 15])
                    .append(HEX[(gid >> 4) & 15]).append(HEX[gid & 15]).append('>');
            pen = s.x()[i] + font.advance(gid);
            font.drewGlyph(gid, s.text()[i]);
        }
        float rest = s.advance() - pen;
        if (Math.abs(rest) > 0.05f) {
            ops.append(' ').append(number(-rest));
        }
        ops.append("] TJ\n");
        if (rise != 0) {
            ops.append("0 Ts\n");
        }
        cs.appendRawCommands(ops.toString());
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A PDF number with at most two decimals (hundredths of a thousandth of an em are plenty). */
    private static String number(float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String sign = hundredths < 0 ? "-" : "";
        long abs = Math.abs(hundredths);
        long frac = abs % 100;
        return sign + (abs / 100) + (frac < 10 ? ".0" : ".") + frac;
    }
}
