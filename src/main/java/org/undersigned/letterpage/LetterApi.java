package org.undersigned.letterpage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.letter.CampaignUpdate;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterConfig;
import org.undersigned.letter.LetterState;
import org.undersigned.letter.LetterVersion;
import org.undersigned.letter.Markdown;
import org.undersigned.signing.PublicSignatories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The public letters as JSON: the same data as the pages, public fields only. */
@Path("/api/letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public letters")
public class LetterApi {

    public record Counts(long organizations, long individuals, String summary) {
        static Counts of(PublicSignatories.Counts c) {
            return new Counts(c.organizations(), c.individuals(), c.line());
        }
    }

    public record LetterSummary(String slug, String title, String addressees, String coalitionName, String state,
                                Instant signDeadline, Counts counts) {
    }

    public record Update(LocalDate postedOn, String markdown, String html) {
    }

    public record LetterDetail(String slug, String title, String addressees, String coalitionName,
                               String coalitionContact, String state, boolean acceptingSignatures,
                               Instant signDeadline, int textVersion, String textSha256, Instant textChangedAt,
                               String bodyMarkdown, String bodyHtml, List<Update> updates, Counts counts) {
    }

    public record Signatory(String kind, String name, String affiliation, String website, String place,
                            String organizationType) {
    }

    /** {@code next}/{@code previous}: pass as {@code after}/{@code before} to get the neighbouring page (null at the ends). */
    public record SignatoryPage(List<Signatory> items, long total, int page, int pages, String next, String previous) {
    }

    @Inject
    PublicSignatories signatories;

    @Inject
    Markdown markdown;

    @Inject
    LetterConfig config;

    @Inject
    LetterPageService pages;

    @GET
    @Operation(summary = "Open and delivered letters")
    public List<LetterSummary> list() {
        return Letter.<Letter>list("state in ?1 order by openedAt desc",
                        List.of(LetterState.OPEN, LetterState.CLOSED, LetterState.DELIVERED)).stream()
                .map(l -> new LetterSummary(l.slug, l.title, l.addressees, l.coalitionName, l.state().name(),
                        l.signDeadline, Counts.of(pages.countsOf(l))))
                .toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A letter: current text, updates and counts")
    public LetterDetail letter(@RestPath String slug) {
        Letter l = LetterPageService.publicLetter(slug);
        LetterVersion v = LetterVersion.find(l.id, l.currentVersion()).orElseThrow();
        List<Update> updates = CampaignUpdate.forLetter(l.id).stream()
                .map(u -> new Update(u.postedOn, u.bodyMarkdown, markdown.toHtml(u.bodyMarkdown, Markdown.UPDATE_TOP_HEADING)))
                .toList();
        return new LetterDetail(l.slug, v.title, v.addressees, l.coalitionName, l.coalitionContact, l.state().name(),
                l.acceptsSignaturesAt(Instant.now()), l.signDeadline, v.number, v.sha256, l.textChangedAt(),
                v.bodyMarkdown, markdown.toHtml(v.bodyMarkdown, Markdown.LETTER_BODY_TOP_HEADING), updates,
                Counts.of(pages.countsOf(l)));
    }

    @GET
    @Path("{slug}/signatories")
    @Operation(summary = "Approved signatories in reading order, searchable and paged")
    public SignatoryPage signatories(@RestPath String slug, @RestQuery String q, @RestQuery Integer page,
                                     @RestQuery String after, @RestQuery String before) {
        Letter l = LetterPageService.publicLetter(slug);
        PublicSignatories.Position from = PublicSignatories.Position.parse(after).orElse(null);
        PublicSignatories.Position to = from != null ? null : PublicSignatories.Position.parse(before).orElse(null);
        PublicSignatories.Page p = signatories.search(l.id, q, from, to, page == null ? 1 : page, config.pageSize());
        return new SignatoryPage(p.items().stream()
                .map(s -> new Signatory(s.kind(), s.name(), s.affiliation(), s.website(), s.place(), s.orgType())).toList(),
                p.total(), p.page(), p.pages(), p.next() == null ? null : p.next().token(),
                p.previous() == null ? null : p.previous().token());
    }
}
