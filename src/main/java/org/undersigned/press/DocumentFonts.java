package org.undersigned.press;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.undersigned.infra.ShippedFonts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shipped fonts as used by one PDF's drawn pages: a font is parsed and added to the document
 * only when a character first needs it (a Latin-only letter embeds no Chinese or Devanagari
 * font), and each is embedded as a subset of the glyphs drawn.
 *
 * <p>Shaped text (Indic and South-East Asian scripts) is drawn by glyph id, and many of its glyphs
 * (conjuncts, half forms, reordered vowel signs) have no character of their own. PDFBox writes
 * the ToUnicode map only for glyphs the font's character map reaches, which would leave those
 * glyphs without Unicode (PDF/A-2u forbids that, and copy/paste would lose them). So each font
 * remembers the text of every glyph drawn, and {@link #finish()} subsets the fonts that drew
 * shaped glyphs itself and writes their complete ToUnicode map.
 */
final class DocumentFonts {

    /** A shipped font loaded into this document. */
    static final class Loaded {
        final PDType0Font pdf;
        final TrueTypeFont ttf;
        final CmapLookup cmap;
        final String file;
        final boolean complex;
        private final float unitsToThousandths;
        /** Glyph id → its text, where that is not what the character map says (shaped glyphs, Arabic forms). */
        private final Map<Integer, String> unicode = new TreeMap<>();
        /** Whether some glyph's text is not what the font's character map says (shaped, or Arabic forms). */
        private boolean customUnicode;

        Loaded(PDType0Font pdf, TrueTypeFont ttf, String file, boolean complex) throws IOException {
            this.pdf = pdf;
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
            this.file = file;
            this.complex = complex;
            this.unitsToThousandths = 1000f / ttf.getUnitsPerEm();
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        /** The advance of a glyph as the PDF's width array gives it, in thousandths of an em. */
        float advance(int glyphId) {
            try {
                return Math.round(ttf.getAdvanceWidth(glyphId) * unitsToThousandths);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Records the characters of text drawn through the character map. Arabic drawn in its
         * joined presentation forms is recorded as the letters typed (their compatibility
         * decomposition), so it is copied as the plain letters, not as presentation forms.
         */
        void drewText(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0xFB50 && isPresentationForm(c)) {
                    int gid = cmap.getGlyphId(c);
                    if (gid > 0 && !unicode.containsKey(gid)) {
                        unicode.put(gid, Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
                        customUnicode = true;
                    }
                }
            }
        }

        private static boolean isPresentationForm(int cp) {
            return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
        }

        /**
         * Records a glyph drawn by id: its own character where the character map has one (a vowel
         * sign drawn before its consonant), otherwise the text of its cluster (a conjunct).
         */
        void drewGlyph(int glyphId, String clusterText) {
            customUnicode = true;
            if (!unicode.containsKey(glyphId)) {
                List<Integer> own = cmap.getCharCodes(glyphId);
                unicode.put(glyphId, own != null && !own.isEmpty() ? new String(Character.toChars(own.get(0))) : clusterText);
            }
        }
    }

    /**
     * Per font (by PostScript name: the shipped files are fixed), every glyph's text including
     * substituted glyphs. Worked out once: for a Latin face it walks thousands of substitutions.
     */
    private static final Map<String, Map<Integer, String>> SUBSTITUTED_UNICODE = new java.util.concurrent.ConcurrentHashMap<>();

    private final PDDocument doc;
    private final ShippedFonts shipped;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();
    private final Map<Integer, Loaded[]> byFace = new HashMap<>();

    DocumentFonts(PDDocument doc, ShippedFonts shipped) {
        this.doc = doc;
        this.shipped = shipped;
    }

    ShippedFonts shipped() {
        return shipped;
    }

    /** The face at this index of {@link ShippedFonts#faces()}, bold where a bold file is shipped. */
    Loaded face(int index, boolean bold) {
        Loaded[] pair = byFace.computeIfAbsent(index, i -> new Loaded[2]);
        int slot = bold ? 1 : 0;
        if (pair[slot] == null) {
            ShippedFonts.Face face = shipped.faces().get(index);
            String file = bold && face.boldFile() != null ? face.boldFile() : face.regularFile();
            pair[slot] = loaded.computeIfAbsent(file, f -> load(f, face.complex()));
        }
        return pair[slot];
    }

    private Loaded load(String file, boolean complex) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(shipped.bytes(file)));
            // PDFBox's own substitution runs regular expressions on every line (most of the time of
            // a long list) and knows only a few scripts; complex scripts are shaped by Shaper instead.
            ttf.setEnableGsub(false);
            return new Loaded(PDType0Font.load(doc, ttf, true), ttf, file, complex);
        } catch (IOException e) {
            throw new UncheckedIOException("loading the font " + file + " failed", e);
        }
    }

    /** The files embedded so far (for tests and logs). */
    List<String> files() {
        return new ArrayList<>(loaded.keySet());
    }

    /**
     * Subsets the fonts whose glyphs need their own Unicode (shaped glyphs, Arabic joined forms)
     * and gives them a complete ToUnicode map; PDFBox
     * subsets the others when the document is saved. Call once, after the last page is drawn.
     */
    void finish() throws IOException {
        letterTextFonts();
        for (Loaded font : loaded.values()) {
            if (!font.customUnicode) {
                continue;
            }
            font.pdf.addGlyphsToSubset(Set.copyOf(font.unicode.keySet()));
            font.pdf.subset();
            notSubsetAgainOnSave(font.pdf);
            Map<Integer, String> all = new TreeMap<>();
            for (int gid : usedGlyphs(font.pdf)) {
                List<Integer> codes = font.cmap.getCharCodes(gid);
                if (codes != null && !codes.isEmpty() && codes.get(0) > 0x1F) {
                    all.put(gid, new String(Character.toChars(codes.get(0))));
                }
            }
            all.putAll(font.unicode);
            byte[] cmap = toUnicodeCMap(all);
            font.pdf.getCOSObject().setItem(COSName.TO_UNICODE,
                    new PDStream(doc, new ByteArrayInputStream(cmap), COSName.FLATE_DECODE));
        }
    }

    /**
     * The letter's own text is laid out by openhtmltopdf, whose fonts PDFBox shapes with its own
     * substitution (ligatures; conjuncts in Devanagari, Bengali, Gujarati): such glyphs are not
     * reached by the character map, so PDFBox's ToUnicode map leaves them out. For those fonts the
     * map is completed from the font's substitution tables (a ligature stands for the text of the
     * glyphs it replaces) and limited to the glyphs of the subset.
     */
    private void letterTextFonts() throws IOException {
        List<PDType0Font> theirs = new ArrayList<>();
        for (Object f : fontsToSubset()) {
            if (f instanceof PDType0Font t0 && loaded.values().stream().noneMatch(l -> l.pdf == t0) && substitutes(t0)) {
                theirs.add(t0);
            }
        }
        for (PDType0Font font : theirs) {
            font.subset();
            notSubsetAgainOnSave(font);
            Map<Integer, String> unicode = new TreeMap<>(SUBSTITUTED_UNICODE.computeIfAbsent(font.getName(), n -> {
                try {
                    return unicodeWithSubstitutions(font);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            unicode.keySet().retainAll(usedGlyphs(font));
            font.getCOSObject().setItem(COSName.TO_UNICODE,
                    new PDStream(doc, new ByteArrayInputStream(toUnicodeCMap(unicode)), COSName.FLATE_DECODE));
        }
    }

    private static boolean substitutes(PDType0Font font) {
        return font.getGsubData() != GsubData.NO_DATA_FOUND;
    }

    /** The original glyph ids (= codes) in a subset font: the non-zero entries of its CIDToGIDMap. */
    private static Set<Integer> usedGlyphs(PDType0Font font) throws IOException {
        Set<Integer> used = new java.util.HashSet<>();
        COSDictionary cid = (COSDictionary) font.getCOSObject().getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
        if (cid.getDictionaryObject(COSName.CID_TO_GID_MAP) instanceof COSStream map) {
            try (InputStream in = map.createInputStream()) {
                byte[] bytes = in.readAllBytes();
                for (int code = 1; 2 * code + 1 < bytes.length; code++) {
                    if (bytes[2 * code] != 0 || bytes[2 * code + 1] != 0) {
                        used.add(code);
                    }
                }
            }
        }
        return used;
    }

    /** Every glyph's text: from the character map, then from the substitutions, to a fixed point. */
    static Map<Integer, String> unicodeWithSubstitutions(PDType0Font font) throws IOException {
        Map<Integer, String> unicode = new TreeMap<>();
        CmapLookup cmap = font.getCmapLookup();
        int glyphs = font.getDescendantFont() instanceof org.apache.pdfbox.pdmodel.font.PDCIDFontType2 cid
                ? cid.getTrueTypeFont().getNumberOfGlyphs() : 0;
        for (int gid = 1; gid < glyphs; gid++) {
            List<Integer> codes = cmap.getCharCodes(gid);
            if (codes != null && !codes.isEmpty() && codes.get(0) > 0x1F) {
                unicode.put(gid, new String(Character.toChars(codes.get(0))));
            }
        }
        GsubData gsub = font.getGsubData();
        for (boolean changed = true; changed; ) {
            changed = false;
            for (String feature : gsub.getSupportedFeatures()) {
                ScriptFeature f = gsub.getFeature(feature);
                for (List<Integer> from : f.getAllGlyphIdsForSubstitution()) {
                    Integer to = f.getReplacementForGlyphs(from);
                    if (to == null || unicode.containsKey(to) || !from.stream().allMatch(unicode::containsKey)) {
                        continue;
                    }
                    StringBuilder text = new StringBuilder();
                    from.forEach(g -> text.append(unicode.get(g)));
                    unicode.put(to, text.toString());
                    changed = true;
                }
            }
        }
        return unicode;
    }

    private Set<?> fontsToSubset() {
        try {
            Field field = PDDocument.class.getDeclaredField("fontsToSubset");
            field.setAccessible(true);
            return new java.util.HashSet<>((Set<?>) field.get(doc));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this PDFBox version keeps its fonts to subset elsewhere", e);
        }
    }

    /**
     * PDFBox subsets every loaded font again when the document is saved, which would rebuild the
     * ToUnicode map without the shaped glyphs. Its list of fonts to subset has no public accessor,
     * so the font is taken off it here; LetterPdfTest checks every glyph's Unicode, so a PDFBox
     * release that changes this fails the build rather than the PDF.
     */
    private void notSubsetAgainOnSave(PDFont font) {
        try {
            Field field = PDDocument.class.getDeclaredField("fontsToSubset");
            field.setAccessible(true);
            ((Set<?>) field.get(doc)).remove(font);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this PDFBox version keeps its fonts to subset elsewhere", e);
        }
    }

    /** A ToUnicode CMap (Identity-H codes are the original glyph ids) from glyph id to text. */
    static byte[] toUnicodeCMap(Map<Integer, String> unicode) {
        StringBuilder b = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, String>> entries = new ArrayList<>(unicode.entrySet());
        for (int start = 0; start < entries.size(); start += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(start, Math.min(entries.size(), start + 100));
            b.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> e : block) {
                b.append(String.format("<%04X> <", e.getKey()));
                for (byte x : e.getValue().getBytes(StandardCharsets.UTF_16BE)) {
                    b.append(String.format("%02X", x));
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        b.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
