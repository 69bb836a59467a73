package org.undersigned.press;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.letter.Letter;
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
    org.undersigned.logos.LeadSigners leadSigners;

    @Inject
    org.undersigned.logos.Logos logos;

    public PdfView of(Letter letter) {
        boolean draft = letter.state() == LetterState.DRAFT;
        String title = draft ? letter.title : null;
        String addressees = draft ? letter.addressees : null;
        String body = draft ? letter.bodyMarkdown : null;
        int version = 0;
        String sha = "(draft, not frozen)";
        if (!draft) {
            LetterVersion v = LetterVersion.find(letter.id, letter.currentVersion()).orElseThrow();
            title = v.title;
            addressees = v.addressees;
            body = v.bodyMarkdown;
            version = v.number;
            sha = v.sha256;
        }
        PublicSignatories.Counts counts;
        List<PdfView.Section> sections;
        boolean anyAffiliation;
        if (!draft && letter.pdfGrouping == PdfGrouping.CATEGORY) {
            // By category within each kind, each group drawn as it is read (index signature_category_list).
            counts = signatories.counts(letter.id);
            sections = new ArrayList<>();
            for (Map.Entry<PublicSignatories.Group, Long> g : signatories.groupCounts(letter.id).entrySet()) {
                if (g.getValue() > 0) {
                    sections.add(new PdfView.Section(heading(g.getKey()), signatories.lazily(letter.id, g.getKey())));
                }
            }
            anyAffiliation = signatories.anyAffiliation(letter.id);
        } else if (!draft && letter.pdfGrouping == PdfGrouping.NONE) {
            // One list in reading order: drawn as it is read, a batch at a time (issue 11).
            counts = signatories.counts(letter.id);
            sections = new ArrayList<>();
            if (counts.organizations() > 0) {
                sections.add(new PdfView.Section("Organizations", signatories.lazily(letter.id, SignatoryKind.ORGANIZATION)));
            }
            if (counts.individuals() > 0) {
                sections.add(new PdfView.Section("Individuals", signatories.lazily(letter.id, SignatoryKind.INDIVIDUAL)));
            }
            anyAffiliation = signatories.anyAffiliation(letter.id);
        } else {
            // Grouped lists need every entry before the first group is complete.
            List<Signatory> all = draft ? List.of() : compactList(letter.id);
            long orgs = all.stream().filter(Signatory::organization).count();
            counts = new PublicSignatories.Counts(orgs, all.size() - orgs);
            sections = sections(all, letter.pdfGrouping);
            anyAffiliation = all.stream().anyMatch(s -> s.affiliation() != null);
        }
        String date = letter.state() == LetterState.DELIVERED || letter.state() == LetterState.ARCHIVED && letter.deliveredAt() != null
                ? dates.date(letter.deliveredAt()) : dates.date(Instant.now());
        return new PdfView("en", title, date, addressees, letter.coalitionName, letter.coalitionContact,
                markdown.toHtml(body, 2), counts.line() + ".", version, sha,
                site.publicUrl() + "/letters/" + letter.slug,
                "A coalition letter to " + addressees + ". " + counts.line() + ".",
                sections, anyAffiliation, draft,
                org.undersigned.letter.LetterPartner.ofLetter(letter.id).stream().map(org.undersigned.letter.LetterPartner::name).toList(),
                draft ? List.of() : leads(letter));
    }

    /** "Organizations: National"; entries without a category last, as "…: other". */
    static String heading(PublicSignatories.Group g) {
        String kind = g.kind() == SignatoryKind.ORGANIZATION ? "Organizations" : "Individuals";
        if (g.categoryKey() == null) {
            return kind;
        }
        return kind + ": " + (g.categoryName() != null ? g.categoryName() : "other");
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
                    once.apply(s.region()), once.apply(s.country()), once.apply(s.orgType()), once.apply(s.category()))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    static List<PdfView.Section> sections(List<Signatory> all, PdfGrouping grouping) {
        List<Signatory> orgs = all.stream().filter(Signatory::organization).toList();
        List<Signatory> people = all.stream().filter(s -> !s.organization()).toList();
        List<PdfView.Section> out = new ArrayList<>();
        switch (grouping) {
            case REGION -> {
                out.addAll(grouped(orgs, s -> s.region(), "Organizations"));
                out.addAll(grouped(people, s -> s.region(), "Individuals"));
            }
            case ORG_TYPE -> {
                out.addAll(grouped(orgs, s -> s.orgType(), "Organizations"));
                if (!people.isEmpty()) {
                    out.add(new PdfView.Section("Individuals", people));
                }
            }
            default -> {
                if (!orgs.isEmpty()) {
                    out.add(new PdfView.Section("Organizations", orgs));
                }
                if (!people.isEmpty()) {
                    out.add(new PdfView.Section("Individuals", people));
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
