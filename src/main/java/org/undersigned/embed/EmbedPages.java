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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.undersigned.abuse.BotSignal;
import org.undersigned.abuse.ClientAddress;
import org.undersigned.abuse.FormStamps;
import org.undersigned.abuse.RateLimit;
import org.undersigned.abuse.RateLimited;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterPartner;
import org.undersigned.letter.LetterTexts;
import org.undersigned.signing.SignOnChoices;
import org.undersigned.signing.SignOnContext;
import org.undersigned.signing.SignOnForm;
import org.undersigned.signing.SignOnFormView;
import org.undersigned.signing.SignOnInput;
import org.undersigned.signing.SignOnService;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.Languages;
import org.undersigned.web.PageLanguage;
import org.undersigned.web.PageLanguages;

import java.time.Instant;

/**
 * The sign-on form made to sit in an iframe on a partner's site: the same form (the
 * {@code signOnForm} tag), checks and sign-on as the letter's sign page, in a bare layout,
 * posting and answering inside the frame. Only the sites listed for the letter may frame it
 * ({@link FramePolicy}). No cookie is ever set: the form stamp, the honeypot and a partner's code
 * ({@code ?partner=}, as on the full form) travel in the form itself, so they work in a
 * third-party frame where browsers block cookies. The page speaks the reader's language as the
 * sign page does: {@code ?lang=} first, then {@code Accept-Language}.
 */
@Path("/embed/letters/{slug}")
@Produces(MediaType.TEXT_HTML)
public class EmbedPages {

    /**
     * The letter as the frame shows it: its title in the content language ({@code lang}/{@code dir}),
     * and the page's languages.
     */
    record EmbedLetter(String slug, String title, String lang, String dir, PageLanguage language) {
    }

    @CheckedTemplate(basePath = "embed")
    static class Templates {
        static native TemplateInstance form(EmbedLetter letter, boolean accepting, SignOnFormView form);

        /** @param partnerName the partner whose link the signer came through, or null */
        static native TemplateInstance signed(EmbedLetter letter, String partnerName);
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
    Languages languages;

    @Inject
    PageLanguages pageLanguages;

    @Inject
    LetterTexts texts;

    @GET
    public Response form(@RestPath String slug, @RestQuery("as") String as, @RestQuery String partner,
                         @RestQuery String lang, HttpHeaders headers, HttpServerResponse response) {
        Letter letter = publicLetter(slug);
        PageLanguage pl = language(letter, slug, lang, headers);
        framing.allowListedSites(response, letter.id);
        return html(200, pl, Templates.form(ref(letter, pl), letter.acceptsSignaturesAt(Instant.now()),
                SignOnFormView.blank(letter, as, stamps.issue(Instant.now()), SignOnChoices.viaPartner(partner),
                        languages.msg(pl.ui()), pl)));
    }

    /** A form sent without a file (a client that does not send multipart). */
    @POST
    @Path("sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimit.SIGN_ON)
    public Response sign(@RestPath String slug, @BeanParam SignOnForm form, @RestForm("lang") String lang,
                         HttpHeaders headers, HttpServerRequest request, HttpServerResponse response) {
        return sign(slug, form, null, lang, headers, request, response);
    }

    /** The form as the frame sends it, with an organization's logo if one was chosen. */
    @POST
    @Path("sign")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimit.SIGN_ON)
    public Response signWithLogo(@RestPath String slug, @BeanParam SignOnForm form, @RestForm("logo") FileUpload logo,
                                 @RestForm("lang") String lang, HttpHeaders headers, HttpServerRequest request,
                                 HttpServerResponse response) {
        return sign(slug, form, SignOnForm.logo(logo), lang, headers, request, response);
    }

    private Response sign(String slug, SignOnForm form, byte[] logo, String lang, HttpHeaders headers,
                          HttpServerRequest request, HttpServerResponse response) {
        SignOnInput input = form.toInput();
        SignOnChoices choices = form.toChoices();
        Instant now = Instant.now();
        BotSignal bot = stamps.signal(form.honeypot, form.formStamp, now).orElse(null);
        try {
            signing.signOn(slug, input, choices, logo, new SignOnContext(clientAddress.of(request), bot), lang,
                    headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (InvalidInputException e) {
            Letter letter = publicLetter(slug);
            PageLanguage pl = language(letter, slug, lang, headers);
            framing.allowListedSites(response, letter.id);
            // A person correcting a mistake keeps the original stamp, so a quick fix is not "too fast".
            String stamp = stamps.verify(form.formStamp).isPresent() ? form.formStamp : stamps.issue(now);
            return html(400, pl, Templates.form(ref(letter, pl), true,
                    SignOnFormView.of(letter, input, e.errors(), stamp, choices, languages.msg(pl.ui()), pl)));
        }
        return Response.status(Response.Status.SEE_OTHER)
                .header("Location", "/embed/letters/" + slug + "/signed" + SignOnForm.answerQuery(choices, lang)).build();
    }

    @GET
    @Path("signed")
    public Response signed(@RestPath String slug, @RestQuery String partner, @RestQuery String lang,
                           HttpHeaders headers, HttpServerResponse response) {
        Letter letter = publicLetter(slug);
        PageLanguage pl = language(letter, slug, lang, headers);
        framing.allowListedSites(response, letter.id);
        String code = SignOnChoices.viaPartner(partner).partner();
        String partnerName = code == null ? null : LetterPartner.byCode(letter.id, code).map(LetterPartner::name).orElse(null);
        return html(200, pl, Templates.signed(ref(letter, pl), partnerName));
    }

    /**
     * Rendered in the page's interface language (which sets {@code <html lang dir>}); without
     * {@code ?lang=} the answer depends on {@code Accept-Language}, so caches must key by it.
     */
    private static Response html(int status, PageLanguage pl, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(page.setLocale(pl.ui().locale()).render()).build();
    }

    private PageLanguage language(Letter letter, String slug, String lang, HttpHeaders headers) {
        return pageLanguages.forLetter("/embed/letters/" + slug, texts.languages(letter), lang,
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private EmbedLetter ref(Letter letter, PageLanguage pl) {
        LetterTexts.PublishedText text = texts.text(letter, pl.content());
        return new EmbedLetter(letter.slug, text.title(), text.language().tag(), text.language().dir(), pl);
    }

    private static Letter publicLetter(String slug) {
        return Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
    }
}
