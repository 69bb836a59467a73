package org.undersigned.press;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTexts;
import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import org.undersigned.web.Msg;
import org.undersigned.letter.LetterState;
import org.undersigned.letter.LetterVersion;
import org.undersigned.letter.Markdown;
import org.undersigned.letter.PdfGrouping;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.signing.SignatoryKind;
import org.undersigned.web.Dates;
import org.undersigned.web.SiteConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the PDF's view from the same data and the same order as the public letter page. */
@ApplicationScoped
public class PdfViews {

    @Inject
    PublicSignatories signatories;

    @Inject
    Markdown markdown;

    @Inject
    Dates dates;

    @Inject
    SiteConfig site;

    @Inject
    LetterTexts texts;

    @Inject
    Languages languages;

    /**
     * The PDF of the letter's text in {@code language} (a current translation, or the letter as
     * written): its {@code lang} and {@code dir}, and headings in that language where the interface
     * speaks it (else English).
     */
    public PdfView of(Letter letter, Language language) {
        boolean draft = letter.state() == LetterState.DRAFT;
        Language textLanguage = letter.language();
        String title = draft ? letter.title : null;
        String addressees = draft ? letter.addressees : null;
        String body = draft ? letter.bodyMarkdown : null;
        int version = 0;
        String sha = "(draft, not frozen)";
        if (!draft) {
            LetterTexts.PublishedText v = texts.text(letter, language);
            title = v.title();
            addressees = v.addressees();
            body = v.bodyMarkdown();
            version = v.version();
            sha = v.sha256();
            textLanguage = v.language();
        }
        Language ui = languages.interfaceFor(textLanguage);
        Msg msg = languages.msg(textLanguage);
        PublicSignatories.Counts counts = draft ? new PublicSignatories.Counts(0, 0) : signatories.counts(letter.id);
        // Drawn as they are read, a batch at a time, whatever the size of the letter (issue 11).
        Iterable<PdfView.Section> sections;
        if (draft) {
            sections = List.of();
        } else if (letter.pdfGrouping == PdfGrouping.NONE) {
            List<PdfView.Section> list = new ArrayList<>();
            if (counts.organizations() > 0) {
                list.add(new PdfView.Section(msg.letter_organizations(), signatories.lazily(letter.id, SignatoryKind.ORGANIZATION)));
            }
            if (counts.individuals() > 0) {
                list.add(new PdfView.Section(msg.letter_individuals(), signatories.lazily(letter.id, SignatoryKind.INDIVIDUAL)));
            }
            sections = list;
        } else {
            Iterable<PublicSignatories.Group> groups = signatories.grouped(letter.id, letter.pdfGrouping);
            sections = () -> new java.util.Iterator<>() {
                private final java.util.Iterator<PublicSignatories.Group> it = groups.iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public PdfView.Section next() {
                    PublicSignatories.Group g = it.next();
                    return new PdfView.Section(g.heading(), g.signatories());
                }
            };
        }
        boolean anyAffiliation = !draft && signatories.anyAffiliation(letter.id);
        String date = letter.state() == LetterState.DELIVERED || letter.state() == LetterState.ARCHIVED && letter.deliveredAt() != null
                ? dates.date(letter.deliveredAt(), ui) : dates.date(Instant.now(), ui);
        String countLine = counts.line(msg, ui);
        return new PdfView(textLanguage.tag(), title, date, addressees, letter.coalitionName, letter.coalitionContact,
                markdown.toHtml(body, 2), countLine + ".", version, sha,
                site.publicUrl() + "/letters/" + letter.slug + "?lang=" + textLanguage.tag(),
                msg.pdf_subject(addressees, countLine),
                sections, anyAffiliation, draft, textLanguage.dir());
    }
}
