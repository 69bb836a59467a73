package org.undersigned.press;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders the letter PDF with openhtmltopdf from a Qute template: fonts shipped inside the
 * application (Latin, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese, Korean), ICU for
 * bidirectional text and Arabic shaping, PDF/A-2u with an sRGB output intent and XMP metadata,
 * and PDF/UA tagging. Nothing outside the document is ever fetched.
 */
@ApplicationScoped
public class LetterPdfRenderer {

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
        String html = Templates.letterPdf(view).render();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
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
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the letter PDF failed", e);
        }
        renders.incrementAndGet();
        return out.toByteArray();
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
