package org.undersigned.embed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.abuse.BotSignal;
import org.undersigned.abuse.ClientAddress;
import org.undersigned.abuse.FormStamps;
import org.undersigned.abuse.RateLimit;
import org.undersigned.abuse.RateLimited;
import org.undersigned.letter.Letter;
import org.undersigned.signing.SignOnContext;
import org.undersigned.signing.SignOnForm;
import org.undersigned.signing.SignOnFormView;
import org.undersigned.signing.SignOnInput;
import org.undersigned.signing.SignOnService;
import org.undersigned.web.InvalidInputException;

import java.time.Instant;

/**
 * The sign-on form made to sit in an iframe on a partner's site: the same form, checks and
 * sign-on as the letter page, in a bare layout, posting and answering inside the frame. Only the
 * sites listed for the letter may frame it ({@link FramePolicy}). No cookie is ever set: the form
 * stamp and honeypot travel in the form itself, so they work in a third-party frame where
 * browsers block cookies.
 */
@Path("/embed/letters/{slug}")
@Produces(MediaType.TEXT_HTML)
public class EmbedPages {

    record EmbedLetter(String slug, String title) {
    }

    @CheckedTemplate(basePath = "embed")
    static class Templates {
        static native TemplateInstance form(EmbedLetter letter, boolean accepting, SignOnFormView form);

        static native TemplateInstance signed(EmbedLetter letter);
    }

    @Inject
    SignOnService signing;

    @Inject
    FormStamps stamps;

    @Inject
    ClientAddress clientAddress;

    @Inject
    FramePolicy framing;

    @Inject
    org.undersigned.web.Languages languages;

    /** The embedded form speaks English for now (it sits in another site's page; see docs/languages.md). */
    private static final org.undersigned.web.PageLanguage ENGLISH =
            org.undersigned.web.PageLanguage.of(new org.undersigned.web.Language("en"));

    private org.undersigned.web.Msg englishMsg() {
        return languages.msg(ENGLISH.ui());
    }

    @GET
    public Response form(@RestPath String slug, @RestQuery("as") String as, HttpServerResponse response) {
        Letter letter = publicLetter(slug);
        framing.allowListedSites(response, letter.id);
        return html(200, Templates.form(ref(letter), letter.acceptsSignaturesAt(Instant.now()),
                SignOnFormView.blank(letter, as, stamps.issue(Instant.now()), englishMsg(), ENGLISH)));
    }

    @POST
    @Path("sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimit.SIGN_ON)
    public Response sign(@RestPath String slug, @BeanParam SignOnForm form, HttpServerRequest request,
                         HttpServerResponse response) {
        SignOnInput input = form.toInput();
        Instant now = Instant.now();
        BotSignal bot = stamps.signal(form.honeypot, form.formStamp, now).orElse(null);
        try {
            signing.signOn(slug, input, new SignOnContext(clientAddress.of(request), bot));
        } catch (InvalidInputException e) {
            Letter letter = publicLetter(slug);
            framing.allowListedSites(response, letter.id);
            String stamp = stamps.verify(form.formStamp).isPresent() ? form.formStamp : stamps.issue(now);
            return html(400, Templates.form(ref(letter), true, SignOnFormView.of(letter, input, e.errors(), stamp, englishMsg(), ENGLISH)));
        }
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/embed/letters/" + slug + "/signed").build();
    }

    @GET
    @Path("signed")
    public Response signed(@RestPath String slug, HttpServerResponse response) {
        Letter letter = publicLetter(slug);
        framing.allowListedSites(response, letter.id);
        return html(200, Templates.signed(ref(letter)));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    private static EmbedLetter ref(Letter letter) {
        return new EmbedLetter(letter.slug, letter.title);
    }

    private static Letter publicLetter(String slug) {
        return Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
    }
}
