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
import java.util.Map;

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
    org.undersigned.logos.LeadSigners leadSigners;

    @Inject
    org.undersigned.logos.Logos logos;


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
        } else if (letter.pdfGrouping == PdfGrouping.CATEGORY) {
            // By category within each kind, each group drawn as it is read (index signature_category_list).
            List<PdfView.Section> list = new ArrayList<>();
            for (Map.Entry<PublicSignatories.Group, Long> g : signatories.groupCounts(letter.id).entrySet()) {
                if (g.getValue() > 0) {
                    list.add(new PdfView.Section(heading(g.getKey(), msg), signatories.lazily(letter.id, g.getKey())));
                }
            }
            sections = list;
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
            Iterable<PublicSignatories.Heading> groups = signatories.grouped(letter.id, letter.pdfGrouping);
            sections = () -> new java.util.Iterator<>() {
                private final java.util.Iterator<PublicSignatories.Heading> it = groups.iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public PdfView.Section next() {
                    PublicSignatories.Heading g = it.next();
                    return new PdfView.Section(g.name().in(msg), g.signatories());
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
                sections, anyAffiliation, draft,
                org.undersigned.letter.LetterPartner.ofLetter(letter.id).stream().map(org.undersigned.letter.LetterPartner::name).toList(),
                draft ? List.of() : leads(letter));
    }
    /** "Organizations: National", in the PDF's language; entries without a category last, as "…: Other". */
    static String heading(PublicSignatories.Group g, Msg msg) {
        String kind = g.kind() == SignatoryKind.ORGANIZATION ? msg.letter_organizations() : msg.letter_individuals();
        if (g.categoryKey() == null) {
            return kind;
        }
        return kind + ": " + (g.categoryName() != null ? g.categoryName() : msg.orgtype_OTHER());
    }

    /** The lead signers with their approved logos, embedded (the PDF fetches nothing). */
    private List<PdfView.Lead> leads(Letter letter) {
        return leadSigners.of(letter.id).stream()
                .map(l -> new PdfView.Lead(l.name(), l.affiliation(), l.logo()
                        ? logos.publicImage(letter.slug, l.signatureId())
                        .map(png -> "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png)).orElse(null)
                        : null))
                .toList();
    }

}
