package org.undersigned.letterpage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.web.PageLanguage;
import org.undersigned.web.PageLanguages;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public pages: the list of letters, a letter with its sign-on form, and the full signatory
 * list. Each is rendered once per version of what it shows (see {@link PageCache}) and then
 * served from memory with an ETag.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LetterPages {

    @CheckedTemplate(basePath = "letterpage")
    static class Templates {
        static native TemplateInstance home(LetterViews.Home home);

        static native TemplateInstance letter(LetterViews.LetterPage page);

        static native TemplateInstance signatories(LetterViews.SignatoriesPage page);
    }

    @Inject
    LetterPageService pages;

    @Inject
    LetterDirectory directory;

    @Inject
    PageCache cache;

    @Inject
    PageLanguages pageLanguages;

    @GET
    public Uni<Response> home(@RestQuery String lang, HttpHeaders headers) {
        PageLanguage pl = pageLanguages.forInterface("/", lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        String versions = directory.all().stream().sorted(Comparator.comparing(LetterDirectory.Entry::id))
                .map(e -> e.id() + ":" + e.rowVersion() + ":" + e.listVersion() + ":" + e.acceptsSignaturesAt(Instant.now()))
                .collect(Collectors.joining(","));
        return cache.serve("home|" + pl.ui() + "|" + versions, headers,
                () -> Templates.home(pages.home(pl)).setLocale(pl.ui().locale()).render());
    }

    @GET
    @Path("letters/{slug}")
    public Uni<Response> letter(@RestPath String slug, @RestQuery("as") String as, @RestQuery String lang,
                                HttpHeaders headers) {
        String kind = "individual".equalsIgnoreCase(as) ? "individual" : "organization";
        return withEntry(slug, e -> {
            PageLanguage pl = language(e, "/letters/" + slug, lang, headers);
            return cache.serve(key("letter", e, pl) + "|" + kind, headers,
                    () -> Templates.letter(pages.page(slug, kind, pl)).setLocale(pl.ui().locale()).render());
        });
    }

    @GET
    @Path("letters/{slug}/signatories")
    @org.undersigned.abuse.RateLimited(value = org.undersigned.abuse.RateLimit.SEARCH, whenQuery = "q")
    public Uni<Response> signatories(@RestPath String slug, @RestQuery String q, @RestQuery Integer page,
                                     @RestQuery String after, @RestQuery String before, @RestQuery String lang,
                                     HttpHeaders headers) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        int p = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        String finalQuery = query;
        // A link's position token; anything else (hand-edited, truncated) shows the first page.
        Optional<PublicSignatories.Position> from = PublicSignatories.Position.parse(after);
        Optional<PublicSignatories.Position> to = from.isPresent() ? Optional.empty() : PublicSignatories.Position.parse(before);
        String position = from.map(x -> "a" + x.token()).or(() -> to.map(x -> "b" + x.token())).orElse("");
        // Searches and deep pages are cached apart, in a small cache of their own: any number of
        // distinct search strings or positions can neither grow memory nor push the letter's first
        // pages out.
        return withEntry(slug, e -> {
            PageLanguage pl = language(e, "/letters/" + slug + "/signatories", lang, headers);
            return cache.serve(key("list", e, pl) + "|" + p + "|" + position + "|" + finalQuery, headers,
                    () -> Templates.signatories(pages.signatories(slug, finalQuery.isEmpty() ? null : finalQuery,
                            from.orElse(null), to.orElse(null), p, pl)).setLocale(pl.ui().locale()).render(),
                    !finalQuery.isEmpty() || !position.isEmpty());
        });
    }

    private PageLanguage language(LetterDirectory.Entry e, String path, String lang, HttpHeaders headers) {
        return pageLanguages.forLetter(path, e.languages(), lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** What every page of one letter depends on, its languages included. */
    private static String key(String page, LetterDirectory.Entry e, PageLanguage pl) {
        return page + "|" + e.id() + "|" + e.rowVersion() + "|" + e.listVersion() + "|" + e.acceptsSignaturesAt(Instant.now())
                + "|" + pl.ui() + "|" + pl.content() + "|" + pl.param();
    }

    /** The letter from this instance's directory, or from the database (on a worker thread) if it is new here. */
    private Uni<Response> withEntry(String slug, Function<LetterDirectory.Entry, Uni<Response>> then) {
        Optional<LetterDirectory.Entry> known = directory.cached(slug);
        if (known.isPresent()) {
            return then.apply(known.get());
        }
        return Uni.createFrom().item(() -> directory.find(slug))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(found -> then.apply(found.orElseThrow(NotFoundException::new)));
    }
}
