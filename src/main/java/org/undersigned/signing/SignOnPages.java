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

    @GET
    @Path("letters/{slug}/sign")
    public TemplateInstance form(@RestPath String slug, @RestQuery("as") String as, @RestQuery String partner) {
        Letter letter = publicLetter(slug);
        return SignerPages.form(signPage(letter, SignOnFormView.blank(letter, as, stamps.issue(Instant.now()),
                SignOnChoices.viaPartner(partner))));
    }

    /**
     * A post that looks automated (honeypot filled, no valid form stamp, or faster than a person
     * types) gets the same answer as any other: the sender learns nothing, the entry is flagged.
     */
    @POST
    @Path("letters/{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimit.SIGN_ON)
    public Response sign(@RestPath String slug, @BeanParam SignOnForm form) {
        return sign(slug, form, null);
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
                                 @RestForm("logo") org.jboss.resteasy.reactive.multipart.FileUpload logo) {
        byte[] upload = null;
        if (logo != null && logo.size() > 0) {
            try {
                // One byte over the limit is enough for the service to refuse it with the right message.
                long size = Math.min(logo.size(), org.undersigned.logos.LogoImage.MAX_BYTES + 1L);
                try (var in = java.nio.file.Files.newInputStream(logo.uploadedFile())) {
                    upload = in.readNBytes((int) size);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return sign(slug, form, upload);
    }

    private Response sign(String slug, SignOnForm form, byte[] logo) {
        SignOnInput input = form.toInput();
        SignOnChoices choices = form.toChoices();
        Instant now = Instant.now();
        BotSignal bot = stamps.signal(form.honeypot, form.formStamp, now).orElse(null);
        try {
            signing.signOn(slug, input, choices, logo, new SignOnContext(clientAddress.of(request), bot));
        } catch (InvalidInputException e) {
            Letter letter = publicLetter(slug);
            // A person correcting a mistake keeps the original stamp, so a quick fix is not "too fast".
            String stamp = stamps.verify(form.formStamp).isPresent() ? form.formStamp : stamps.issue(now);
            return FormPage.invalid(SignerPages.form(signPage(letter, SignOnFormView.of(letter, input, e.errors(), stamp, choices))));
        }
        // A relative Location (RFC 9110) spares building an absolute URI on every sign-on. The
        // partner travels on, so the thank-you page can still name who invited the signer.
        String after = choices.partner() == null ? "" : "?partner=" + choices.partner();
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/letters/" + slug + "/signed" + after).build();
    }

    @GET
    @Path("letters/{slug}/signed")
    public TemplateInstance signed(@RestPath String slug, @RestQuery String partner) {
        Letter letter = publicLetter(slug);
        String code = SignOnChoices.viaPartner(partner).partner();
        String partnerName = code == null ? null
                : org.undersigned.letter.LetterPartner.byCode(letter.id, code).map(org.undersigned.letter.LetterPartner::name).orElse(null);
        return SignerPages.signed(ref(letter), partnerName);
    }

    @GET
    @Path("confirm/{token}")
    public TemplateInstance confirmPage(@RestPath String token) {
        SignerLink link = signing.inspectConfirmLink(token);
        if (!link.valid()) {
            return SignerPages.linkProblem("/confirm/" + token + "/renew", link);
        }
        return SignerPages.confirm(token, link.entry());
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
    public Response renewConfirm(@RestPath String token) {
        signing.renewFromConfirmLink(token);
        return Response.ok(SignerPages.renewed().render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("manage/{token}")
    public TemplateInstance manage(@RestPath String token, @RestQuery String confirmed, @RestQuery String saved,
                                   @RestQuery String kept) {
        SignerLink link = signing.inspectManageLink(token);
        if (!link.valid()) {
            return SignerPages.linkProblem("/manage/" + token + "/renew", link);
        }
        String notice = confirmed != null ? "confirmed" : saved != null ? "saved" : kept != null ? "kept" : null;
        EntryView e = link.entry();
        return SignerPages.manage(token, e,
                new CorrectionInput(e.displayName(), e.website(), e.city(), e.region(), e.country(), e.affiliation()),
                FormErrors.none(), notice, Countries.options());
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
            return FormPage.invalid(SignerPages.manage(token, link.entry(), input, e.errors(), null, Countries.options()));
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
    public Response renewManage(@RestPath String token) {
        signing.renewFromManageLink(token);
        return Response.ok(SignerPages.renewed().render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("letters/{slug}/link")
    public TemplateInstance linkRequest(@RestPath String slug) {
        return SignerPages.linkRequest(ref(publicLetter(slug)), null, false);
    }

    @POST
    @Path("letters/{slug}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RateLimited(RateLimit.LINK_REQUEST)
    public TemplateInstance sendLink(@RestPath String slug, @RestForm String email) {
        Letter letter = publicLetter(slug);
        signing.sendLinksByEmail(slug, org.undersigned.web.PlainText.line(email));
        return SignerPages.linkRequest(ref(letter), null, true);
    }

    private SignerPages.SignPage signPage(Letter letter, SignOnFormView form) {
        boolean accepting = letter.acceptsSignaturesAt(Instant.now());
        return new SignerPages.SignPage(ref(letter), accepting,
                accepting ? null : "This letter is no longer collecting signatures. Thank you for your support.", form);
    }

    private static SignerPages.LetterRef ref(Letter letter) {
        return new SignerPages.LetterRef(letter.slug, letter.title, letter.addressees);
    }

    private static Letter publicLetter(String slug) {
        return Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
    }

    /** A redirect back to a signer's link; the token is whatever was in the address, so encode it. */
    private static URI link(String template, String token) {
        return jakarta.ws.rs.core.UriBuilder.fromUri(template).build(token);
    }
}
