package org.undersigned.press;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.undersigned.infra.ShippedFonts;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Renders the letter PDF. The letter itself (title, addressees, Markdown text, summary) is laid
 * out by openhtmltopdf from a Qute template; the signatory pages, which can run to thousands, are
 * drawn onto the same document with PDFBox ({@link SignatoryPages}); then every page gets its
 * header, footer and page number ({@link PageStamps}). Fonts are shipped inside the application
 * ({@link ShippedFonts}: every major script and monochrome emoji), embedded as subsets and only
 * when used; ICU handles bidirectional text and Arabic shaping, the JDK's HarfBuzz shapes
 * complex scripts in the drawn pages ({@link Shaper}); the document is PDF/A-2u (sRGB output
 * intent, XMP metadata, embedded fonts, Unicode for every glyph) and tagged for accessibility.
 * Nothing outside it is ever fetched.
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

    /** Faces only the letter part uses (its serif text face and italics), beyond the fallback chain. */
    private record LetterFace(String family, int weight, BaseRendererBuilder.FontStyle style, String file) {
    }

    private static final List<LetterFace> LETTER_FACES = List.of(
            new LetterFace("Noto Serif", 400, BaseRendererBuilder.FontStyle.NORMAL, "NotoSerif-Regular.ttf"),
            new LetterFace("Noto Serif", 700, BaseRendererBuilder.FontStyle.NORMAL, "NotoSerif-Bold.ttf"),
            new LetterFace("Noto Serif", 400, BaseRendererBuilder.FontStyle.ITALIC, "NotoSerif-Italic.ttf"),
            new LetterFace("Noto Sans", 400, BaseRendererBuilder.FontStyle.ITALIC, "NotoSans-Italic.ttf"));

    @CheckedTemplate(basePath = "press")
    static class Templates {
        static native TemplateInstance letterPdf(PdfView v);
    }

    @Inject
    ShippedFonts fonts;

    @Inject
    org.undersigned.web.Languages languages;

    private final byte[] srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    @Inject
    MeterRegistry registry;

    private Timer renderTimer;

    @PostConstruct
    void timer() {
        renderTimer = Timer.builder("undersigned.pdf.render")
                .description("Letter PDFs rendered by this instance, and how long each took").register(registry);
    }

    /** Renders the letter's PDF, timed as {@code undersigned_pdf_render_seconds}. */
    public byte[] render(PdfView view) {
        return renderTimer.record(() -> draw(view));
    }

    private byte[] draw(PdfView view) {
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
        builder.defaultTextDirection(view.rightToLeft() ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
        // Names and letter text come from users: nothing they contain may make the renderer fetch anything.
        builder.useExternalResourceAccessControl(EmbeddedImages::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(EmbeddedImages::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        // Every shipped face under its family name (the template lists them in fallback order);
        // openhtmltopdf loads a face only when a character needs it, and embeds a subset.
        for (ShippedFonts.Face f : fonts.faces()) {
            byte[] regular = fonts.bytes(f.regularFile());
            builder.useFont(() -> new ByteArrayInputStream(regular), f.family(), 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            if (f.boldFile() != null) {
                byte[] bold = fonts.bytes(f.boldFile());
                builder.useFont(() -> new ByteArrayInputStream(bold), f.family(), 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
        }
        for (LetterFace f : LETTER_FACES) {
            byte[] bytes = fonts.bytes(f.file());
            builder.useFont(() -> new ByteArrayInputStream(bytes), f.family(), f.weight(), f.style(), true);
        }
        builder.withHtmlContent(html, null);
        builder.toStream(OutputStream.nullOutputStream());
        // Page content streams go to a temporary file, not the heap: at a million names the
        // document has about ten thousand pages (issue 11).
        builder.usePDDocument(new PDDocument(IOUtils.createTempFileOnlyStreamCache()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument doc = renderer.createPDFKeepOpen()) {
            DocumentFonts drawn = new DocumentFonts(doc, fonts);
            PdfText body = new PdfText(drawn, false);
            PdfText headings = new PdfText(drawn, true);
            // The closing lines and page numbers speak the text's language, as the template does.
            org.undersigned.web.Msg msg = languages.msg(new org.undersigned.web.Language(view.lang()));
            List<String> closing = new ArrayList<>();
            if (view.anyAffiliation()) {
                String note = msg.letter_identification_only();
                closing.add("* " + note.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag(view.lang())) + note.substring(1) + ".");
            }
            closing.add(msg.letter_digest(view.version()) + " " + view.sha256() + ".");
            closing.add(view.url()); // the current list; every page's footer links to it too
            new SignatoryPages(doc, body, headings).append(view.sections(), closing);
            PageStamps.stamp(doc, body, view.title(), view.url(), msg::pager_position);
            drawn.finish();
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the letter PDF failed", e);
        }
        return out.toByteArray();
    }
}
