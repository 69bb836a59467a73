package org.undersigned.press;

import io.quarkus.qute.TemplateData;
import org.undersigned.infra.ShippedFonts;
import org.undersigned.signing.PublicSignatories;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What the letter PDF shows: the web page's data, laid out for paper. */
@TemplateData
public record PdfView(String lang, String title, String dateText, String addressees, String coalition,
                      String coalitionContact, String bodyHtml, String countLine, int version, String sha256,
                      String url, String subject, Iterable<Section> sections, boolean anyAffiliation, boolean draft,
                      List<String> partners, List<Lead> leads) {

    /** Languages written right to left (by primary subtag). */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb");

    /** Whether the letter's language is written right to left: the PDF's base direction. */
    public boolean rightToLeft() {
        String primary = lang == null ? "" : lang.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return RIGHT_TO_LEFT.contains(primary);
    }

    /** The shipped faces after the first, as a CSS font-family list: every script falls back to one. */
    public String fallbackFonts() {
        return ShippedFonts.chain().stream().skip(1).map(f -> "'" + f.family() + "'").collect(Collectors.joining(", "));
    }

    /** The {@code dir} of the PDF's HTML: follows the letter's language. */
    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /** A lead signer, listed before the text's signatories with its approved logo (a data: URI, or null). */
    @TemplateData
    public record Lead(String name, String affiliation, String logoDataUri) {
    }

    /** "Partner A, Partner B and Partner C". */
    public String partnersText() {
        if (partners.size() < 2) {
            return String.join("", partners);
        }
        return String.join(", ", partners.subList(0, partners.size() - 1)) + " and " + partners.get(partners.size() - 1);
    }

    @TemplateData
    /** A heading and its entries; a list, or (for one list of a large letter) read lazily from the database. */
    public record Section(String heading, Iterable<PublicSignatories.Signatory> signatories) {
    }
}
