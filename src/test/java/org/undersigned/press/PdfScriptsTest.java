package org.undersigned.press;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequence;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequenceWithProperties;
import org.apache.pdfbox.contentstream.operator.markedcontent.EndMarkedContentSequence;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.infra.ShippedFonts;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterDraft;
import org.undersigned.letter.LetterService;
import org.undersigned.support.Admins;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The letter PDF prints every name in every script the issue lists (14): each glyph drawn is a
 * real glyph of an embedded font (never .notdef, never an empty outline for a visible
 * character), every glyph has Unicode (PDF/A-2u), the text extracted by PDFBox and by poppler's
 * pdftotext is each name as typed, fonts are embedded only when used, and a character no shipped
 * font has is shown to the vetter and printed as its code, never as "?".
 */
@QuarkusTest
class PdfScriptsTest {

    /** One organization per script; names as a signer would type them. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("Latin", "Ação Cidadã Ñandú Łódź");
        NAMES.put("Greek", "Ένωση Πολιτών");
        NAMES.put("Cyrillic", "Правозащитный центр");
        NAMES.put("Arabic", "مركز الحقوق الرقمية");
        NAMES.put("Hebrew", "מרכז לזכויות האדם");
        NAMES.put("Chinese, simplified", "数字权利观察中心");
        NAMES.put("Chinese, traditional", "臺灣人權促進會");
        NAMES.put("Japanese", "日本の市民団体ネットワーク");
        NAMES.put("Korean", "한국인권재단");
        NAMES.put("Devanagari", "मानवाधिकार संगठन क्षत्रिय");
        NAMES.put("Bengali", "মানবাধিকার সংস্থা");
        NAMES.put("Gurmukhi", "ਮਨੁੱਖੀ ਅਧਿਕਾਰ ਸੰਸਥਾ");
        NAMES.put("Gujarati", "માનવ અધિકાર સંસ્થા");
        NAMES.put("Tamil", "மனித உரிமைகள் அமைப்பு");
        NAMES.put("Telugu", "మానవ హక్కుల సంస్థ");
        NAMES.put("Kannada", "ಮಾನವ ಹಕ್ಕುಗಳ ಸಂಸ್ಥೆ");
        NAMES.put("Malayalam", "മനുഷ്യാവകാശ സംഘടന");
        NAMES.put("Sinhala", "මානව හිමිකම් සංවිධානය");
        NAMES.put("Thai", "มูลนิธิสิทธิมนุษยชน");
        NAMES.put("Lao", "ສູນສິດທິມະນຸດ");
        NAMES.put("Khmer", "សមាគមសិទ្ធិមនុស្ស");
        NAMES.put("Myanmar", "လူ့အခွင့်အရေး အဖွဲ့");
        NAMES.put("Georgian", "ადამიანის უფლებების ცენტრი");
        NAMES.put("Armenian", "Մարդու իրավունքների կենտրոն");
        NAMES.put("Ethiopic", "የሰብአዊ መብቶች ማዕከል");
        NAMES.put("Emoji", "Open Rights 🌍 Collective ✊🏽 🥰 🫨");
    }

    @Inject
    TestData data;

    @Inject
    Admins admins;

    @Inject
    ShippedFonts fonts;

    @Inject
    LetterPdfRenderer renderer;

    @Inject
    LetterService letters;

    @Test
    void everyScriptPrintsWithRealGlyphsAndExtractsAsTyped() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        for (String name : NAMES.values()) {
            assertEquals(List.of(), fonts.unprintable(name), "a shipped font has every character of " + name);
            sign(letter, name);
        }
        byte[] pdf = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).extract().asByteArray();
        Files.write(Path.of("target", "every-script.pdf"), pdf); // to look at: pdftoppm -png target/every-script.pdf
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            String poppler = pdftotext(pdf);
            for (Map.Entry<String, String> e : NAMES.entrySet()) {
                String typed = Normalizer.normalize(e.getValue(), Normalizer.Form.NFC);
                assertTrue(text.contains(typed), e.getKey() + ": PDFBox extracts " + typed + " in:\n" + text);
                assertTrue(poppler.contains(typed), e.getKey() + ": pdftotext extracts " + typed + " in:\n" + poppler);
            }
            Glyphs glyphs = new Glyphs();
            for (PDPage page : doc.getPages()) {
                glyphs.processPage(page);
            }
            assertTrue(glyphs.problems.isEmpty(), "every glyph real, with Unicode: " + glyphs.problems);
            // Names in shaped scripts are drawn inside an ActualText span: check their glyphs name by name.
            for (String name : NAMES.values()) {
                String typed = Normalizer.normalize(name, Normalizer.Form.NFC);
                glyphs.bySpan.entrySet().stream().filter(s -> s.getKey().startsWith(typed)).forEach(s ->
                        assertTrue(s.getValue() > 0, typed + " drew glyphs"));
            }
            assertTrue(glyphs.drawn > 200, "glyphs were checked: " + glyphs.drawn);
            Set<String> embedded = embeddedFonts(doc);
            for (String family : List.of("NotoSansDevanagari", "NotoSansKhmer", "NotoSansMyanmar", "NotoSansEthiopic",
                    "DroidSansFallback", "NanumGothic", "NotoEmoji")) {
                assertTrue(embedded.stream().anyMatch(f -> f.contains(family)), family + " embedded in " + embedded);
            }
        }
    }

    @Test
    void aLatinOnlyLetterEmbedsOnlyLatinFontsAndStaysSmall() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        for (int i = 0; i < 20; i++) {
            sign(letter, "Plain Latin Association " + i);
        }
        byte[] pdf = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Set<String> embedded = embeddedFonts(doc);
            for (String name : embedded) {
                assertTrue(name.matches("[A-Z]{6}\\+Noto(Sans|Serif)(-\\w+)?"), "only subsets of the Latin faces: " + embedded);
            }
        }
        assertTrue(pdf.length < 120_000, "a short Latin letter stays small: " + pdf.length + " bytes");
    }

    @Test
    void aCharacterNoFontHasIsShownToTheVetterAndNeverPrintedAsAQuestionMark() throws Exception {
        Letter letter = data.open(LetterOptions.organizationsOnly());
        // Tibetan is a script no shipped font covers (U+0F40 TIBETAN LETTER KA).
        String name = "Shaking Fund \u0F40";
        assertEquals(List.of(0x0F40), fonts.unprintable(name));
        String email = TestData.uniqueEmail("unprintable");
        SignOnForms.post(letter.slug, SignOnForms.organization(name, email)).then().statusCode(303);
        data.confirm(email);
        String queue = admins.session(Role.VETTER).browser().get("/admin/letters/" + letter.id + "/queue")
                .then().statusCode(200).extract().asString();
        assertTrue(queue.contains("the PDF cannot print: \u0F40 U+0F40"), "the vetter is told before approving");
        data.approve(email);
        byte[] pdf = given().get("/letters/" + letter.slug + "/letter.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains(name), "extracted as typed");
            Glyphs glyphs = new Glyphs();
            for (PDPage page : doc.getPages()) {
                glyphs.processPage(page);
            }
            assertTrue(glyphs.problems.isEmpty(), glyphs.problems.toString());
            String drawn = glyphs.unicode.toString();
            assertTrue(drawn.contains("Shaking Fund [U+0F40]"), "printed as its code: " + drawn);
            assertFalse(drawn.contains("Fund ?"), "never a question mark");
        }
    }

    /**
     * The letter's own text is laid out by openhtmltopdf, which shapes only what PDFBox can
     * (docs/benchmarks.md, "Scripts in the letter PDF"); whatever it draws, every glyph is a
     * real one with Unicode, so the PDF stays PDF/A-2u, and the title prints in every script.
     */
    @Test
    void theLettersOwnTextInEveryScriptHasRealGlyphsWithUnicode() throws Exception {
        StringBuilder body = new StringBuilder();
        NAMES.forEach((script, name) -> body.append("<p>").append(script).append(": ").append(name).append("</p>"));
        PdfView view = new PdfView("hi", "मानवाधिकार पत्र", "1 December 2026", "Addressees", "Coalition", null,
                body.toString(), "Signed by 0 organizations.", 1, "abc", "http://localhost/letters/x", "subject",
                List.of(), false, false, List.of(), List.of());
        byte[] pdf = renderer.render(view);
        Files.write(Path.of("target", "letter-text.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Glyphs glyphs = new Glyphs();
            for (PDPage page : doc.getPages()) {
                glyphs.processPage(page);
            }
            assertTrue(glyphs.problems.isEmpty(), "every glyph real, with Unicode: " + glyphs.problems);
            assertEquals("hi", doc.getDocumentCatalog().getLanguage());
            String text = new PDFTextStripper().getText(doc);
            for (String script : List.of("Latin", "Greek", "Cyrillic", "Georgian", "Armenian", "Ethiopic", "Korean", "Japanese")) {
                assertTrue(text.contains(NAMES.get(script)), script + " in the letter text: " + text);
            }
        }
    }

    @Test
    void anRightToLeftLetterIsAnRtlDocument() throws Exception {
        PdfView view = new PdfView("ar", "رسالة", "1 December 2026", "Addressees", "Coalition", null,
                "<p>مركز الحقوق الرقمية</p>", "Signed by 0 organizations.", 1, "abc", "http://localhost/letters/x",
                "subject", List.of(), false, false, List.of(), List.of());
        assertEquals("rtl", view.dir());
        try (PDDocument doc = Loader.loadPDF(renderer.render(view))) {
            assertEquals("ar", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void theEditorIsToldBeforePublishingWhenTheLettersTextHasACharacterNoFontHas() {
        Letter draft = letters.createDraft(Actor.SYSTEM, new LetterDraft(TestData.uniqueSlug("u"), "Shaking \u0F40 letter",
                "Addressees", "Text.", "Coalition", "press@coalition.example", null, true, false, false));
        String overview = admins.session(Role.EDITOR).browser().get("/admin/letters/" + draft.id)
                .then().statusCode(200).extract().asString();
        assertTrue(overview.contains("cannot print") && overview.contains("U+0F40"), "warned on the letter's page");
        Letter plain = data.draft(LetterOptions.organizationsOnly());
        String fine = admins.session(Role.EDITOR).browser().get("/admin/letters/" + plain.id)
                .then().statusCode(200).extract().asString();
        assertFalse(fine.contains("cannot print"), "no warning when every character prints");
    }

    private void sign(Letter letter, String name) {
        String email = TestData.uniqueEmail("script");
        SignOnForms.post(letter.slug, SignOnForms.organization(name, email)).then().statusCode(303);
        data.approve(email);
    }

    static Set<String> embeddedFonts(PDDocument doc) throws IOException {
        Set<String> names = new TreeSet<>();
        for (PDPage page : doc.getPages()) {
            for (COSName n : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(n);
                assertTrue(font.isEmbedded(), font.getName());
                names.add(font.getName());
            }
        }
        return names;
    }

    static String pdftotext(byte[] pdf) throws Exception {
        Path in = Files.createTempFile("letter", ".pdf");
        Path out = Files.createTempFile("letter", ".txt");
        try {
            Files.write(in, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", in.toString(), out.toString()).inheritIO().start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext ran");
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /**
     * Walks every glyph the pages show and checks it against the embedded font program itself:
     * its glyph id is not 0 (.notdef), a visible character has an outline, and the font's
     * ToUnicode gives it text (PDF/A-2u). Records the glyphs drawn inside each ActualText span.
     */
    static final class Glyphs extends PDFStreamEngine {
        final List<String> problems = new ArrayList<>();
        final Map<String, Integer> bySpan = new LinkedHashMap<>();
        final StringBuilder unicode = new StringBuilder();
        private final Deque<String> spans = new ArrayDeque<>();
        int drawn;

        Glyphs() {
            addOperator(new BeginText(this));
            addOperator(new EndText(this));
            addOperator(new SetFontAndSize(this));
            addOperator(new ShowText(this));
            addOperator(new ShowTextAdjusted(this));
            addOperator(new MoveText(this));
            addOperator(new SetMatrix(this));
            addOperator(new SetTextRise(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new Concatenate(this));
            addOperator(new DrawObject(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new BeginMarkedContentSequence(this));
            addOperator(new BeginMarkedContentSequenceWithProperties(this));
            addOperator(new EndMarkedContentSequence(this));
        }

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            String actual = properties == null ? null : properties.getString(COSName.ACTUAL_TEXT);
            spans.push(actual == null ? "" : actual);
        }

        @Override
        public void endMarkedContentSequence() {
            if (!spans.isEmpty()) {
                spans.pop();
            }
        }

        @Override
        protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
            drawn++;
            String text = font.toUnicode(code);
            if (text == null || text.isEmpty() || text.contains("\u0000") || text.contains("\uFEFF")) {
                problems.add(font.getName() + " code " + code + " has no Unicode");
                text = "";
            }
            unicode.append(text);
            if (!(font instanceof PDType0Font t0) || !(t0.getDescendantFont() instanceof PDCIDFontType2 cid)) {
                problems.add(font.getName() + " is not an embedded TrueType CID font");
                return;
            }
            int gid = cid.codeToGID(code);
            if (gid == 0) {
                problems.add(font.getName() + " code " + code + " (" + text + ") is .notdef");
                return;
            }
            TrueTypeFont ttf = cid.getTrueTypeFont();
            GlyphData glyph = ttf.getGlyph().getGlyph(gid);
            boolean visible = !text.isBlank();
            if (visible && (glyph == null || glyph.getPath().getBounds2D().isEmpty())) {
                problems.add(font.getName() + " glyph " + gid + " (" + text + ") has no outline");
            }
            String span = spans.stream().filter(s -> !s.isEmpty()).findFirst().orElse(null);
            if (span != null) {
                bySpan.merge(span, 1, Integer::sum);
            }
        }
    }
}
