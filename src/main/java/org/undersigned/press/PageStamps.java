package org.undersigned.press;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

import java.io.IOException;

/**
 * The running header (the letter's title), the footer link back to the letter's web page and
 * "Page 3 of 12", stamped on every page once the page count is known. They are marked as
 * artifacts, so screen readers do not read them on every page.
 */
final class PageStamps {

    private static final float SIZE = 8f;
    private static final PDColor GREY = new PDColor(new float[]{0.314f, 0.353f, 0.392f}, PDDeviceRGB.INSTANCE);
    private static final PDColor LINK = new PDColor(new float[]{0.043f, 0.325f, 0.580f}, PDDeviceRGB.INSTANCE);

    private PageStamps() {
    }

    /** {@code pageOf} words "Page 3 of 12" in the PDF's language. */
    static void stamp(PDDocument doc, PdfText text, String title, String url,
                      java.util.function.BiFunction<Integer, Integer, String> pageOf) throws IOException {
        int total = doc.getNumberOfPages();
        PdfText.Line header = text.layout(title, SIZE);
        PdfText.Line link = text.layout(url, SIZE);
        float headerWidth = header.width();
        float linkWidth = link.width();
        int number = 0;
        for (PDPage page : doc.getPages()) {
            number++;
            PDRectangle box = page.getMediaBox();
            PdfText.Line pageNumber = text.layout(pageOf.apply(number, total), SIZE);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.beginMarkedContent(COSName.ARTIFACT);
                cs.setNonStrokingColor(GREY);
                PdfText.draw(cs, header, (box.getWidth() - Math.min(headerWidth, box.getWidth() - 102)) / 2, box.getHeight() - 40, SIZE);
                PdfText.draw(cs, pageNumber, box.getWidth() - SignatoryPages.MARGIN_SIDE - pageNumber.width(), 30, SIZE);
                cs.setNonStrokingColor(LINK);
                PdfText.draw(cs, link, SignatoryPages.MARGIN_SIDE, 30, SIZE);
                cs.endMarkedContent();
            }
            // PDF/UA: keyboard (tab) order follows the document structure.
            page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
            PDAnnotationLink annotation = new PDAnnotationLink();
            annotation.setRectangle(new PDRectangle(SignatoryPages.MARGIN_SIDE, 27, linkWidth, SIZE + 4));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(0);
            annotation.setBorderStyle(border);
            annotation.setPrinted(true); // PDF/A: annotations must print
            annotation.setContents("The letter's web page");
            PDActionURI action = new PDActionURI();
            action.setURI(url);
            annotation.setAction(action);
            page.getAnnotations().add(annotation);
        }
    }
}
