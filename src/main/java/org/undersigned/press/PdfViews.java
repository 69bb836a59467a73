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
import org.undersigned.signing.PublicSignatories.Signatory;
import org.undersigned.signing.SignatoryKind;
import org.undersigned.web.Dates;
import org.undersigned.web.SiteConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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
        PublicSignatories.Counts counts;
        List<PdfView.Section> sections;
        boolean anyAffiliation;
        if (!draft && letter.pdfGrouping == PdfGrouping.NONE) {
            // One list in reading order: drawn as it is read, a batch at a time (issue 11).
            counts = signatories.counts(letter.id);
            sections = new ArrayList<>();
            if (counts.organizations() > 0) {
                sections.add(new PdfView.Section(msg.letter_organizations(), signatories.lazily(letter.id, SignatoryKind.ORGANIZATION)));
            }
            if (counts.individuals() > 0) {
                sections.add(new PdfView.Section(msg.letter_individuals(), signatories.lazily(letter.id, SignatoryKind.INDIVIDUAL)));
            }
            anyAffiliation = signatories.anyAffiliation(letter.id);
        } else {
            // Grouped lists need every entry before the first group is complete.
            List<Signatory> all = draft ? List.of() : compactList(letter.id);
            long orgs = all.stream().filter(Signatory::organization).count();
            counts = new PublicSignatories.Counts(orgs, all.size() - orgs);
            sections = sections(all, letter.pdfGrouping, msg.letter_organizations(), msg.letter_individuals());
            anyAffiliation = all.stream().anyMatch(s -> s.affiliation() != null);
        }
        String date = letter.state() == LetterState.DELIVERED || letter.state() == LetterState.ARCHIVED && letter.deliveredAt() != null
                ? dates.date(letter.deliveredAt(), ui) : dates.date(Instant.now(), ui);
        String countLine = counts.line(msg, ui);
        return new PdfView(textLanguage.tag(), title, date, addressees, letter.coalitionName, letter.coalitionContact,
                markdown.toHtml(body, 2), countLine + ".", version, sha,
                site.publicUrl() + "/letters/" + letter.slug + "?lang=" + textLanguage.tag(),
                msg.pdf_subject(addressees, countLine),
                sections, anyAffiliation, draft, textLanguage.dir());
    }

    /**
     * Every approved signatory, read in keyset batches, with the values that repeat from entry to
     * entry (kind, place, city, region, country, type, a shared affiliation) held once: a million
     * names then take about a third of the memory a plain list would, so the PDF of a viral letter
     * renders within the heap.
     */
    private List<Signatory> compactList(long letterId) {
        List<Signatory> all = new ArrayList<>();
        Map<String, String> pool = new java.util.HashMap<>();
        Function<String, String> once = v -> v == null ? null
                : pool.size() < 50_000 ? pool.computeIfAbsent(v, Function.identity()) : pool.getOrDefault(v, v);
        try {
            signatories.forEach(letterId, s -> all.add(new Signatory(once.apply(s.kind()), s.name(), once.apply(s.affiliation()),
                    s.website(), once.apply(s.websiteHost()), once.apply(s.place()), once.apply(s.city()),
                    once.apply(s.region()), once.apply(s.country()), once.apply(s.orgType()))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    static List<PdfView.Section> sections(List<Signatory> all, PdfGrouping grouping) {
        return sections(all, grouping, "Organizations", "Individuals");
    }

    static List<PdfView.Section> sections(List<Signatory> all, PdfGrouping grouping, String organizations,
                                          String individuals) {
        List<Signatory> orgs = all.stream().filter(Signatory::organization).toList();
        List<Signatory> people = all.stream().filter(s -> !s.organization()).toList();
        List<PdfView.Section> out = new ArrayList<>();
        switch (grouping) {
            case REGION -> {
                out.addAll(grouped(orgs, s -> s.region(), organizations));
                out.addAll(grouped(people, s -> s.region(), individuals));
            }
            case ORG_TYPE -> {
                out.addAll(grouped(orgs, s -> s.orgType(), organizations));
                if (!people.isEmpty()) {
                    out.add(new PdfView.Section(individuals, people));
                }
            }
            default -> {
                if (!orgs.isEmpty()) {
                    out.add(new PdfView.Section(organizations, orgs));
                }
                if (!people.isEmpty()) {
                    out.add(new PdfView.Section(individuals, people));
                }
            }
        }
        return out;
    }

    /** Groups in alphabetical order, entries keep the page's order inside each; "not given" last. */
    private static List<PdfView.Section> grouped(List<Signatory> list, Function<Signatory, String> key, String what) {
        Map<String, List<Signatory>> groups = new TreeMap<>(Comparator.comparing(String::toLowerCase));
        List<Signatory> none = new ArrayList<>();
        for (Signatory s : list) {
            String k = key.apply(s);
            if (k == null || k.isBlank()) {
                none.add(s);
            } else {
                groups.computeIfAbsent(k.strip(), x -> new ArrayList<>()).add(s);
            }
        }
        List<PdfView.Section> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(new PdfView.Section(what + ": " + k, v)));
        if (!none.isEmpty()) {
            out.add(new PdfView.Section(what + ": other", none));
        }
        return out;
    }
}
