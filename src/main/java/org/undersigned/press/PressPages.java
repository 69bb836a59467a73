package org.undersigned.press;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTexts;
import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import org.undersigned.web.PageLanguage;
import org.undersigned.web.PageLanguages;
import jakarta.ws.rs.core.HttpHeaders;
import org.undersigned.letterpage.LetterDirectory;
import org.undersigned.letterpage.LetterPageService;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.web.Dates;
import org.undersigned.web.SiteConfig;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

/** For reporters: the letter PDF, the signatory lists as CSV and JSON, and the press page. */
@Path("/")
public class PressPages {

    /** {@code lang}/{@code dir}: the language of the title shown; {@code language}: the page's. */
    public record PressView(String slug, String title, String addressees, String coalition, String contactText,
                            String contactHref, String state, String countLine, String delivered,
                            String listChangedOn, int textVersion, String lang, String dir, PageLanguage language) {
    }

    @CheckedTemplate(basePath = "press")
    static class Templates {
        static native TemplateInstance press(PressView press);
    }

    @Inject
    LetterPdfs pdfs;

    @Inject
    LetterDirectory directory;

    @Inject
    PublicSignatories signatories;

    @Inject
    Dates dates;

    @Inject
    SiteConfig site;

    @Inject
    ObjectMapper mapper;

    @Inject
    PageLanguages pageLanguages;

    @Inject
    LetterTexts texts;

    @Inject
    Languages languages;

    @Inject
    LetterPageService pageService;

    /**
     * Served from memory on the I/O thread when this instance already holds the PDF for the
     * letter's current directory entry (the same at-most-two-seconds staleness as the letter page);
     * otherwise the database decides which PDF is current, on a worker thread.
     */
    @GET
    @Path("letters/{slug}/letter.pdf")
    @Produces("application/pdf")
    public Uni<Response> pdf(@RestPath String slug, @RestQuery String lang, Request request, HttpHeaders headers) {
        String acceptLanguage = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        Optional<LetterDirectory.Entry> entry = directory.cached(slug);
        Optional<LetterPdfs.StoredPdf> ready = entry.flatMap(e -> pdfs.servedFor(e,
                pageLanguages.forLetter("", e.languages(), lang, acceptLanguage).content()));
        if (ready.isPresent()) {
            return Uni.createFrom().item(respond(slug, ready.get(), request));
        }
        return Uni.createFrom().item(() -> {
            Letter letter = QuarkusTransaction.requiringNew().call(() -> LetterPageService.publicLetter(slug));
            Language language = QuarkusTransaction.requiringNew().call(() ->
                    pageLanguages.forLetter("", texts.languages(letter), lang, acceptLanguage).content());
            EntityTag etag = EntityTag.valueOf(pdfs.currentKey(letter, language).etag());
            Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
            if (notModified != null) {
                return notModified.header("Cache-Control", "public, no-cache").build();
            }
            // Outside any transaction: a render runs in its own, on another thread.
            return respond(slug, pdfs.current(letter, language, entry.orElse(null)), request);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response respond(String slug, LetterPdfs.StoredPdf pdf, Request request) {
        Date lastModified = Date.from(pdf.renderedAt());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, EntityTag.valueOf(pdf.key().etag()));
        if (notModified != null) {
            return notModified.header("Cache-Control", "public, no-cache").build();
        }
        String filename = slug + "-" + pdf.key().language() + "-" + LocalDate.ofInstant(pdf.renderedAt(), site.timeZone()) + ".pdf";
        return Response.ok(pdf.content(), "application/pdf")
                .header(HttpHeaders.CONTENT_LANGUAGE, pdf.key().language())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .tag(EntityTag.valueOf(pdf.key().etag()))
                .lastModified(lastModified)
                .header("Cache-Control", "public, no-cache")
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .build();
    }

    /** Every approved signatory as CSV, streamed from a cursor: constant memory at any size. */
    @GET
    @Path("letters/{slug}/signatories.csv")
    @Produces("text/csv")
    public Response csv(@RestPath String slug) {
        Letter letter = LetterPageService.publicLetter(slug);
        return Response.ok(SignatoryExports.csv(signatories, letter.id), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-signatories-"
                        + dates.today() + ".csv\"")
                .header("Cache-Control", "public, no-cache")
                .build();
    }

    /** The same list as JSON ({@link SignatoryExports#json}), streamed. */
    @GET
    @Path("letters/{slug}/signatories.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@RestPath String slug) {
        Letter letter = LetterPageService.publicLetter(slug);
        return Response.ok(SignatoryExports.json(signatories, mapper, letter.id, letter.slug, letter.title),
                MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("letters/{slug}/press")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance press(@RestPath String slug, @RestQuery String lang, HttpHeaders headers) {
        Letter l = LetterPageService.publicLetter(slug);
        PageLanguage pl = pageLanguages.forLetter("/letters/" + slug + "/press", texts.languages(l), lang,
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Language ui = pl.ui();
        LetterTexts.PublishedText text = texts.text(l, pl.content());
        String contact = l.coalitionContact;
        String href = contact.matches("^[^@\\s]+@[^@\\s]+$") ? "mailto:" + contact
                : contact.matches("(?i)^https?://\\S+$") ? contact : null;
        PublicSignatories.ListState list = signatories.listState(l.id);
        String delivered = l.state() == org.undersigned.letter.LetterState.DELIVERED
                || l.deliveredAt() != null ? pageService.stateNote(l, java.time.Instant.now(), languages.msg(ui), ui) : null;
        return Templates.press(new PressView(l.slug, text.title(), text.addressees(), l.coalitionName, contact, href,
                l.state().name(), signatories.counts(l.id).line(languages.msg(ui), ui), delivered,
                list.changedAt() == null ? null : dates.dateTime(list.changedAt(), ui),
                text.version(), text.language().tag(), text.language().dir(), pl)).setLocale(ui.locale());
    }
}
