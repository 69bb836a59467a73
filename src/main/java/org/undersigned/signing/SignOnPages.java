package org.undersigned.signing;

import org.undersigned.web.FormPage;
import io.quarkus.qute.TemplateInstance;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import io.vertx.core.http.HttpServerRequest;
import org.undersigned.abuse.BotSignal;
import org.undersigned.abuse.ClientAddress;
import org.undersigned.abuse.FormStamps;
import org.undersigned.abuse.RateLimit;
import org.undersigned.abuse.RateLimited;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTexts;
import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import org.undersigned.web.Msg;
import org.undersigned.web.PageLanguage;
import org.undersigned.web.PageLanguages;
import jakarta.ws.rs.core.HttpHeaders;
import org.undersigned.web.Countries;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.time.Instant;

/**
 * The browser side of signing: the form, "check your email", confirmation and self-service.
 * Every POST answers with a redirect (so reloading never resubmits) or with the form again,
 * showing what was typed and what needs correcting.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignOnPages {

    @Inject
    SignOnService signing;

    @Inject
    FormStamps stamps;


    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServerRequest request;

    @Inject
    Languages languages;

    @Inject
    PageLanguages pageLanguages;

    @Inject
    LetterTexts texts;

    @GET
    @Path("letters/{slug}/sign")
    public TemplateInstance form(@RestPath String slug, @RestQuery("as") String as, @RestQuery String partner,
                                 @RestQuery String lang, HttpHeaders headers) {
        Letter letter = publicLetter(slug);
        PageLanguage pl = language(letter, "/letters/" + slug + "/sign", lang, headers);
        Msg msg = languages.msg(pl.ui());
        return in(pl, SignerPages.form(signPage(letter, pl,
                SignOnFormView.blank(letter, as, stamps.issue(Instant.now()), SignOnChoices.viaPartner(partner), msg, pl))));
    }

    /**
     * A post that looks automated (honeypot filled, no valid form stamp, or faster than a person
     * types) gets the same answer as any other: the sender learns nothing, the entry is flagged.
     * The form posts back the {@code lang} it was shown in: the signature records that text and
     * the signer's emails are written in that language.
     */
    @POST
    @Path("letters/{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimit.SIGN_ON)
    public Response sign(@RestPath String slug, @BeanParam SignOnForm form, @RestForm("lang") String lang,
                         HttpHeaders headers) {
        return sign(slug, form, null, lang, headers);
    }

    /**
     * The same form sent with a file (an organization's logo; the browser form always sends this
     * encoding). The upload is read only up to its limit; the service re-encodes it.
     */
    @POST
    @Path("letters/{slug}/sign")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimit.SIGN_ON)
    public Response signWithLogo(@RestPath String slug, @BeanParam SignOnForm form,
                                 @RestForm("logo") org.jboss.resteasy.reactive.multipart.FileUpload logo,
                                 @RestForm("lang") String lang, HttpHeaders headers) {
        return sign(slug, form, SignOnForm.logo(logo), lang, headers);
    }

    private Response sign(String slug, SignOnForm form, byte[] logo, String lang, HttpHeaders headers) {
        SignOnInput input = form.toInput();
        SignOnChoices choices = form.toChoices();
        Instant now = Instant.now();
        BotSignal bot = stamps.signal(form.honeypot, form.formStamp, now).orElse(null);
        String acceptLanguage = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        try {
            signing.signOn(slug, input, choices, logo, new SignOnContext(clientAddress.of(request), bot), lang, acceptLanguage);
        } catch (InvalidInputException e) {
            Letter letter = publicLetter(slug);
            PageLanguage pl = language(letter, "/letters/" + slug + "/sign", lang, headers);
            // A person correcting a mistake keeps the original stamp, so a quick fix is not "too fast".
            String stamp = stamps.verify(form.formStamp).isPresent() ? form.formStamp : stamps.issue(now);
            return FormPage.invalid(in(pl, SignerPages.form(signPage(letter, pl,
                    SignOnFormView.of(letter, input, e.errors(), stamp, choices, languages.msg(pl.ui()), pl)))));
        }
        // A relative Location (RFC 9110) spares building an absolute URI on every sign-on.
        return Response.status(Response.Status.SEE_OTHER)
                .header("Location", "/letters/" + slug + "/signed" + SignOnForm.answerQuery(choices, lang)).build();
    }

    @GET
    @Path("letters/{slug}/signed")
    public TemplateInstance signed(@RestPath String slug, @RestQuery String partner, @RestQuery String lang,
                                   HttpHeaders headers) {
        Letter letter = publicLetter(slug);
        PageLanguage pl = language(letter, "/letters/" + slug + "/signed", lang, headers);
        String code = SignOnChoices.viaPartner(partner).partner();
        String partnerName = code == null ? null
                : org.undersigned.letter.LetterPartner.byCode(letter.id, code).map(org.undersigned.letter.LetterPartner::name).orElse(null);
        return in(pl, SignerPages.signed(ref(letter, pl), partnerName));
    }

    @GET
    @Path("confirm/{token}")
    public TemplateInstance confirmPage(@RestPath String token, HttpHeaders headers) {
        SignerLink link = signing.inspectConfirmLink(token);
        if (!link.valid()) {
            return in(linkLanguage(link, headers), SignerPages.linkProblem("/confirm/" + token + "/renew", link));
        }
        return in(linkLanguage(link, headers), SignerPages.confirm(token, link.entry()));
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@RestPath String token) {
        return signing.confirm(token)
                .map(manage -> Response.seeOther(URI.create("/manage/" + manage + "?confirmed=1")).build())
                .orElseGet(() -> Response.seeOther(link("/confirm/{token}", token)).build());
    }

    @POST
    @Path("confirm/{token}/renew")
    @RateLimited(RateLimit.LINK_REQUEST)
    public Response renewConfirm(@RestPath String token, HttpHeaders headers) {
        Language language = linkLanguage(signing.inspectConfirmLink(token), headers);
        signing.renewFromConfirmLink(token);
        return Response.ok(in(language, SignerPages.renewed()).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("manage/{token}")
    public TemplateInstance manage(@RestPath String token, @RestQuery String confirmed, @RestQuery String saved,
                                   @RestQuery String kept, HttpHeaders headers) {
        SignerLink link = signing.inspectManageLink(token);
        if (!link.valid()) {
            return in(linkLanguage(link, headers), SignerPages.linkProblem("/manage/" + token + "/renew", link));
        }
        String notice = confirmed != null ? "confirmed" : saved != null ? "saved" : kept != null ? "kept" : null;
        EntryView e = link.entry();
        Language language = new Language(e.lang());
        return in(language, SignerPages.manage(token, e,
                new CorrectionInput(e.displayName(), e.website(), e.city(), e.region(), e.country(), e.affiliation()),
                FormErrors.none(), notice, Countries.options(language)));
    }

    @POST
    @Path("manage/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@RestPath String token, @RestForm String displayName, @RestForm String website,
                            @RestForm String city, @RestForm String region, @RestForm String country,
                            @RestForm String affiliation) {
        CorrectionInput input = CorrectionInput.of(displayName, website, city, region, country, affiliation);
        try {
            signing.correct(token, input);
        } catch (InvalidInputException e) {
            SignerLink link = signing.inspectManageLink(token);
            Language language = new Language(link.entry().lang());
            return FormPage.invalid(in(language, SignerPages.manage(token, link.entry(), input, e.errors(), null,
                    Countries.options(language))));
        }
        return Response.seeOther(link("/manage/{token}?saved=1", token)).build();
    }

    @POST
    @Path("manage/{token}/withdraw")
    public Response withdraw(@RestPath String token) {
        signing.withdraw(token);
        return Response.seeOther(link("/manage/{token}", token)).build();
    }

    @POST
    @Path("manage/{token}/stop-updates")
    public Response stopUpdates(@RestPath String token) {
        signing.stopUpdates(token);
        return Response.seeOther(link("/manage/{token}?saved=1", token)).build();
    }

    @POST
    @Path("manage/{token}/keep")
    public Response keep(@RestPath String token) {
        signing.keepOnCurrentVersion(token);
        return Response.seeOther(link("/manage/{token}?kept=1", token)).build();
    }

    @POST
    @Path("manage/{token}/renew")
    @RateLimited(RateLimit.LINK_REQUEST)
    public Response renewManage(@RestPath String token, HttpHeaders headers) {
        Language language = linkLanguage(signing.inspectManageLink(token), headers);
        signing.renewFromManageLink(token);
        return Response.ok(in(language, SignerPages.renewed()).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("letters/{slug}/link")
    public TemplateInstance linkRequest(@RestPath String slug, @RestQuery String lang, HttpHeaders headers) {
        Letter letter = publicLetter(slug);
        PageLanguage pl = language(letter, "/letters/" + slug + "/link", lang, headers);
        return in(pl, SignerPages.linkRequest(ref(letter, pl), null, false));
    }

    @POST
    @Path("letters/{slug}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimit.LINK_REQUEST)
    public TemplateInstance sendLink(@RestPath String slug, @RestForm String email, @RestForm("lang") String lang,
                                     HttpHeaders headers) {
        Letter letter = publicLetter(slug);
        PageLanguage pl = language(letter, "/letters/" + slug + "/link", lang, headers);
        signing.sendLinksByEmail(slug, org.undersigned.web.PlainText.line(email));
        return in(pl, SignerPages.linkRequest(ref(letter, pl), null, true));
    }

    private SignerPages.SignPage signPage(Letter letter, PageLanguage pl, SignOnFormView form) {
        boolean accepting = letter.acceptsSignaturesAt(Instant.now());
        return new SignerPages.SignPage(ref(letter, pl), accepting,
                accepting ? null : languages.msg(pl.ui()).sign_closed(), form);
    }

    private SignerPages.LetterRef ref(Letter letter, PageLanguage pl) {
        LetterTexts.PublishedText text = texts.text(letter, pl.content());
        return new SignerPages.LetterRef(letter.slug, text.title(), text.addressees(), text.language().tag(),
                text.language().dir(), pl);
    }

    private PageLanguage language(Letter letter, String path, String lang, HttpHeaders headers) {
        return pageLanguages.forLetter(path, texts.languages(letter), lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** A signer's link speaks the signer's language; a link we cannot read, the browser's. */
    private Language linkLanguage(SignerLink link, HttpHeaders headers) {
        return link.entry() != null ? new Language(link.entry().lang())
                : languages.chooseInterface(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static TemplateInstance in(PageLanguage pl, TemplateInstance page) {
        return SignerPages.in(pl.ui(), page);
    }

    private static TemplateInstance in(Language language, TemplateInstance page) {
        return SignerPages.in(language, page);
    }

    private static Letter publicLetter(String slug) {
        return Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
    }

    /** A redirect back to a signer's link; the token is whatever was in the address, so encode it. */
    private static URI link(String template, String token) {
        return jakarta.ws.rs.core.UriBuilder.fromUri(template).build(token);
    }
}
