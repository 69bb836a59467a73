package org.undersigned.press;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * Renders the letter PDF. The letter itself (title, addressees, Markdown text, summary) is laid
 * out by openhtmltopdf from a Qute template; the signatory pages, which can run to thousands, are
 * drawn onto the same document with PDFBox ({@link SignatoryPages}); then every page gets its
 * header, footer and page number ({@link PageStamps}). Fonts are shipped inside the application
 * (Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese, Korean), ICU handles
 * bidirectional text and Arabic shaping, the document is PDF/A-2u (sRGB output intent, XMP
 * metadata, embedded fonts) and tagged for accessibility. Nothing outside it is ever fetched.
 */
@ApplicationScoped
public class LetterPdfRenderer {

    static {
        // openhtmltopdf logs every font load and stylesheet parse at INFO through its own console
        // handler; keep only its warnings, which are worth reading.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    @CheckedTemplate(basePath = "press")
    static class Templates {
        static native TemplateInstance letterPdf(PdfView v);
    }

    /** Family name → (weight, style, file). Loaded once; each render subsets what it uses. */
    private record FontFile(String family, int weight, BaseRendererBuilder.FontStyle style, String file) {
    }

    private static final FontFile[] FONTS = {
            new FontFile("Noto Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, "NotoSans-Regular.ttf"),
            new FontFile("Noto Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, "NotoSans-Bold.ttf"),
            new FontFile("Noto Sans", 400, BaseRendererBuilder.FontStyle.ITALIC, "NotoSans-Italic.ttf"),
            new FontFile("Noto Serif", 400, BaseRendererBuilder.FontStyle.NORMAL, "NotoSerif-Regular.ttf"),
            new FontFile("Noto Serif", 700, BaseRendererBuilder.FontStyle.NORMAL, "NotoSerif-Bold.ttf"),
            new FontFile("Noto Serif", 400, BaseRendererBuilder.FontStyle.ITALIC, "NotoSerif-Italic.ttf"),
            new FontFile("Noto Sans Arabic", 400, BaseRendererBuilder.FontStyle.NORMAL, "NotoSansArabic-Regular.ttf"),
            new FontFile("Noto Sans Arabic", 700, BaseRendererBuilder.FontStyle.NORMAL, "NotoSansArabic-Bold.ttf"),
            new FontFile("Noto Sans Hebrew", 400, BaseRendererBuilder.FontStyle.NORMAL, "NotoSansHebrew-Regular.ttf"),
            new FontFile("Noto Sans Hebrew", 700, BaseRendererBuilder.FontStyle.NORMAL, "NotoSansHebrew-Bold.ttf"),
            new FontFile("Droid Sans Fallback", 400, BaseRendererBuilder.FontStyle.NORMAL, "DroidSansFallbackFull.ttf"),
            new FontFile("Nanum Gothic", 400, BaseRendererBuilder.FontStyle.NORMAL, "NanumGothic.ttf"),
    };

    private final Map<String, byte[]> fontBytes = new LinkedHashMap<>();
    private final byte[] srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private final AtomicLong renders = new AtomicLong();

    public LetterPdfRenderer() {
        for (FontFile f : FONTS) {
            fontBytes.computeIfAbsent(f.file(), LetterPdfRenderer::read);
        }
    }

    public byte[] render(PdfView view) {
        // Rendered in the text's language: its headings, and <html lang dir> (see PdfViews).
        String html = Templates.letterPdf(view).setLocale(java.util.Locale.forLanguageTag(view.lang())).render();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
        builder.usePdfUaAccessibility(true);
        builder.useColorProfile(srgbProfile);
        builder.withProducer("Undersigned");
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        // Names and letter text come from users: nothing they contain may make the renderer fetch anything.
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        for (FontFile f : FONTS) {
            byte[] bytes = fontBytes.get(f.file());
            builder.useFont(() -> new ByteArrayInputStream(bytes), f.family(), f.weight(), f.style(), true);
        }
        builder.withHtmlContent(html, null);
        builder.toStream(OutputStream.nullOutputStream());
        // Page content streams go to a temporary file, not the heap: at a million names the
        // document has about ten thousand pages (issue 11).
        builder.usePDDocument(new PDDocument(IOUtils.createTempFileOnlyStreamCache()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument doc = renderer.createPDFKeepOpen()) {
            PdfText body = new PdfText(chain(doc, "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf"));
            PdfText headings = new PdfText(chain(doc, "NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf"));
            List<String> closing = new ArrayList<>();
            if (view.anyAffiliation()) {
                closing.add("* Affiliation for identification only.");
            }
            closing.add("Text version " + view.version() + ", SHA-256 " + view.sha256() + ".");
            closing.add("The current list is at " + view.url());
            new SignatoryPages(doc, body, headings).append(view.sections(), closing);
            PageStamps.stamp(doc, body, view.title(), view.url());
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the letter PDF failed", e);
        }
        renders.incrementAndGet();
        return out.toByteArray();
    }

    /** The font chain for drawn text: the given Latin and Arabic faces, then Hebrew, Chinese/Japanese, Korean. */
    private List<PdfText.ChainFont> chain(PDDocument doc, String latin, String arabic) throws IOException {
        List<PdfText.ChainFont> chain = new ArrayList<>();
        for (String file : List.of(latin, arabic, "NotoSansHebrew-Regular.ttf", "DroidSansFallbackFull.ttf", "NanumGothic.ttf")) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes.get(file)));
            // PDFBox would run glyph substitution on every line, compiling regular expressions as
            // it goes (most of the time of a long list). Arabic is shaped by ICU already.
            ttf.setEnableGsub(false);
            chain.add(new PdfText.ChainFont(PDType0Font.load(doc, ttf, true), ttf, ttf.getUnicodeCmapLookup()));
        }
        return chain;
    }

    /** How many PDFs this instance has rendered: lets tests prove that a burst causes one render. */
    public long renderCount() {
        return renders.get();
    }

    private static byte[] read(String file) {
        try (InputStream in = LetterPdfRenderer.class.getClassLoader().getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the application: fonts/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
