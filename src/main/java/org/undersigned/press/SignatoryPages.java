package org.undersigned.press;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.undersigned.signing.PublicSignatories.Signatory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The signatory pages of the letter PDF, drawn straight onto PDF pages with PDFBox: two columns
 * of lines, headings kept with what follows, long entries wrapped. An HTML layout engine spends
 * about a millisecond per name here; a list of 100,000 names would take minutes. Drawing the
 * lines directly is linear and fast, and the pages stay tagged: each heading and each column of
 * each page is a structure element in the document's tag tree, so screen readers read them.
 */
final class SignatoryPages {

    static final PDRectangle A4 = PDRectangle.A4;
    static final float MARGIN_TOP = 68;     // 24 mm, as the letter pages
    static final float MARGIN_BOTTOM = 62;  // 22 mm
    static final float MARGIN_SIDE = 51;    // 18 mm
    static final float GAP = 18;
    static final float SIZE = 8.5f;
    static final float LEADING = 11.5f;
    static final float HEADING_SIZE = 12f;
    static final float HEADING_LEADING = 22f;
    static final float INDENT = 8f;
    static final PDColor INK = new PDColor(new float[]{0.106f, 0.106f, 0.122f}, PDDeviceRGB.INSTANCE);

    private final PDDocument doc;
    private final PdfText text;
    private final PdfText headingText;
    private final float columnWidth = (A4.getWidth() - 2 * MARGIN_SIDE - GAP) / 2;
    private final Tagging tagging;

    private PDPage page;
    private PDPageContentStream cs;
    private int column;
    private float y;
    private boolean openBlock;

    SignatoryPages(PDDocument doc, PdfText text, PdfText headingText) {
        this.doc = doc;
        this.text = text;
        this.headingText = headingText;
        this.tagging = Tagging.of(doc);
    }

    /** Draws the sections after the existing pages, then the closing lines. */
    void append(Iterable<PdfView.Section> sections, List<String> closing) throws IOException {
        newPage();
        for (PdfView.Section section : sections) {
            heading(section.heading());
            for (Signatory s : section.signatories()) {
                entry(line(s));
            }
        }
        endBlock();
        if (!closing.isEmpty()) {
            y -= LEADING;
            for (String c : closing) {
                entry(c);
            }
            endBlock();
        }
        cs.close();
        tagging.finishPage(page);
    }

    static String line(Signatory s) {
        StringBuilder b = new StringBuilder(s.name());
        if (s.affiliation() != null) {
            b.append(", ").append(s.affiliation()).append('*');
        }
        if (s.place() != null) {
            b.append(" — ").append(s.place());
        }
        return b.toString();
    }

    private void heading(String title) throws IOException {
        endBlock();
        // A heading never ends a column: it needs room for itself and two lines under it.
        if (y - HEADING_LEADING - 2 * LEADING < MARGIN_BOTTOM) {
            nextColumn();
        } else if (y < top()) {
            y -= LEADING * 0.6f;
        }
        y -= HEADING_SIZE + 4;
        tagging.begin(cs, page, StandardStructureTypes.H2);
        draw(headingText.layout(title, HEADING_SIZE), x(), y, HEADING_SIZE);
        tagging.end(cs);
        y -= HEADING_LEADING - HEADING_SIZE - 4;
    }

    private void entry(String line) throws IOException {
        List<List<PdfText.Run>> wrapped = wrap(line);
        for (int i = 0; i < wrapped.size(); i++) {
            if (y - LEADING < MARGIN_BOTTOM) {
                nextColumn();
            }
            if (!openBlock) {
                tagging.begin(cs, page, StandardStructureTypes.P);
                openBlock = true;
            }
            y -= LEADING;
            draw(wrapped.get(i), x() + (i == 0 ? 0 : INDENT), y + LEADING - SIZE, SIZE);
        }
    }

    /** Greedy wrapping at spaces; a word longer than the column is cut. */
    private List<List<PdfText.Run>> wrap(String line) {
        List<PdfText.Run> whole = text.layout(line, SIZE);
        if (PdfText.width(whole) <= columnWidth) {
            return List.of(whole);
        }
        List<List<PdfText.Run>> lines = new ArrayList<>();
        String rest = line;
        float width = columnWidth;
        while (!rest.isEmpty()) {
            int cut = rest.length();
            while (cut > 1 && PdfText.width(text.layout(rest.substring(0, cut).stripTrailing(), SIZE)) > width) {
                int space = rest.lastIndexOf(' ', cut - 1);
                cut = space > 0 ? space : cut - 1;
            }
            lines.add(text.layout(rest.substring(0, cut).strip(), SIZE));
            rest = rest.substring(cut).strip();
            width = columnWidth - INDENT;
        }
        return lines;
    }

    private void draw(List<PdfText.Run> runs, float x, float baseline, float size) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, baseline);
        for (PdfText.Run run : runs) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    private void endBlock() throws IOException {
        if (openBlock) {
            tagging.end(cs);
            openBlock = false;
        }
    }

    private void nextColumn() throws IOException {
        boolean reopen = openBlock;
        endBlock();
        if (column == 0) {
            column = 1;
            y = top();
        } else {
            cs.close();
            tagging.finishPage(page);
            newPage();
        }
        if (reopen) {
            tagging.begin(cs, page, StandardStructureTypes.P);
            openBlock = true;
        }
    }

    private void newPage() throws IOException {
        page = new PDPage(A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        cs.setNonStrokingColor(INK);
        tagging.startPage(page);
        column = 0;
        y = top();
    }

    private float top() {
        return A4.getHeight() - MARGIN_TOP;
    }

    private float x() {
        return MARGIN_SIDE + column * (columnWidth + GAP);
    }

    /**
     * Adds the new pages' content to the tag tree that openhtmltopdf built for the letter: one
     * structure element per heading and per column block, each pointing at its marked content.
     */
    static final class Tagging {
        private final PDStructureTreeRoot root;
        private final PDStructureNode parent;
        private final COSArray parentTreeNums;
        private List<PDStructureElement> onPage;
        private PDStructureElement current;

        private Tagging(PDStructureTreeRoot root, PDStructureNode parent, COSArray nums) {
            this.root = root;
            this.parent = parent;
            this.parentTreeNums = nums;
        }

        static Tagging of(PDDocument doc) {
            PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
            if (root == null) {
                return new Tagging(null, null, null);
            }
            COSDictionary parentTree = root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE);
            COSArray nums = parentTree == null ? null : parentTree.getCOSArray(COSName.NUMS);
            PDStructureNode parent = root;
            for (Object kid : root.getKids()) {
                if (kid instanceof PDStructureElement element) {
                    parent = element; // openhtmltopdf's Document element
                    break;
                }
            }
            return new Tagging(root, parent, nums);
        }

        boolean active() {
            return root != null && parentTreeNums != null;
        }

        void startPage(PDPage page) {
            onPage = new ArrayList<>();
        }

        void begin(PDPageContentStream cs, PDPage page, String type) throws IOException {
            if (!active()) {
                return;
            }
            current = new PDStructureElement(type, parent);
            current.setPage(page);
            parent.appendKid(current);
            COSDictionary props = new COSDictionary();
            props.setInt(COSName.MCID, onPage.size());
            current.appendKid(PDMarkedContent.create(COSName.getPDFName(type), props));
            onPage.add(current);
            cs.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(props));
        }

        void end(PDPageContentStream cs) throws IOException {
            if (active()) {
                cs.endMarkedContent();
            }
        }

        void finishPage(PDPage page) {
            if (!active()) {
                return;
            }
            int key = root.getParentTreeNextKey();
            if (key < 0) {
                for (int i = 0; i < parentTreeNums.size(); i += 2) {
                    key = Math.max(key, parentTreeNums.getInt(i) + 1);
                }
                key = Math.max(key, 0);
            }
            page.setStructParents(key);
            COSArray byMcid = new COSArray();
            onPage.forEach(e -> byMcid.add(e.getCOSObject()));
            parentTreeNums.add(COSInteger.get(key));
            parentTreeNums.add(byMcid);
            root.setParentTreeNextKey(key + 1);
        }
    }
}
