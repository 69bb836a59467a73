package org.undersigned.letterpage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The public pages: the list of letters, a letter with its sign-on form, and the full signatory list. */
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

    @GET
    public TemplateInstance home() {
        return Templates.home(pages.home());
    }

    @GET
    @Path("letters/{slug}")
    public TemplateInstance letter(@RestPath String slug, @RestQuery("as") String as) {
        return Templates.letter(pages.page(slug, as));
    }

    @GET
    @Path("letters/{slug}/signatories")
    public TemplateInstance signatories(@RestPath String slug, @RestQuery String q, @RestQuery Integer page) {
        return Templates.signatories(pages.signatories(slug, q, page == null ? 1 : page));
    }
}
