package org.undersigned.press;

import io.quarkus.qute.TemplateData;
import org.undersigned.signing.PublicSignatories;

import java.util.List;

/** What the letter PDF shows: the web page's data, laid out for paper. */
@TemplateData
public record PdfView(String lang, String title, String dateText, String addressees, String coalition,
                      String coalitionContact, String bodyHtml, String countLine, int version, String sha256,
                      String url, String subject, Iterable<Section> sections, boolean anyAffiliation, boolean draft,
                      String dir) {

    @TemplateData
    /** A heading and its entries; a list, or (for one list of a large letter) read lazily from the database. */
    public record Section(String heading, Iterable<PublicSignatories.Signatory> signatories) {
    }
}
