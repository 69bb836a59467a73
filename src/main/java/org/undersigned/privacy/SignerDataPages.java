package org.undersigned.privacy;

import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import jakarta.inject.Inject;
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
import org.undersigned.signing.ManagePage;
import org.undersigned.signing.SignOnService;
import org.undersigned.signing.SignerLink;

/**
 * The signer's own data, from their self-service link: download everything stored about the
 * entry, or erase it. Both are links on the self-service page (signing) and work without
 * JavaScript.
 */
@Path("/")
public class SignerDataPages {

    @CheckedTemplate(basePath = "privacy")
    static class Templates {
        static native TemplateInstance erased();
    }

    @Inject
    SignerData signerData;

    @Inject
    SignOnService signing;

    @Inject
    Languages languages;

    /** Everything stored about the entry, as a file to keep. */
    @GET
    @Path("manage/{token}/data.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data(@RestPath String token) {
        return Response.ok(signerData.export(token))
                .header("Content-Disposition", "attachment; filename=\"my-signature.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("manage/{token}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@RestPath String token, @RestForm String confirm) {
        SignerLink link = signing.inspectManageLink(token);
        if (!"yes".equals(confirm)) {
            if (!link.valid()) {
                throw new NotFoundException();
            }
            Language language = new Language(link.entry().lang());
            String html = ManagePage.withError(token, link.entry(), "confirm", languages.msg(language).manage_erase_required());
            return FormPage.html(400, html);
        }
        // The page after erasure still speaks the signer's language, read before the entry is blanked.
        Language language = link.entry() == null ? Language.ENGLISH : new Language(link.entry().lang());
        signerData.erase(token);
        return Response.ok(Templates.erased().setLocale(language.locale()).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }
}
