package org.undersigned.partner;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.undersigned.account.AccountService;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.embed.EmbedSnippets;
import org.undersigned.letter.Coalitions;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterAdminViews;
import org.undersigned.letter.LetterPartner;
import org.undersigned.letter.LetterService;
import org.undersigned.logos.LogoImage;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.ShareLinks;
import org.undersigned.web.SiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

/**
 * A letter's partners in the browser: each with its own sign-on link and its figures; editors
 * add partners (with a logo the server re-encodes); admins invite a partner's staff and download
 * a partner's consenting contacts.
 */
@Path("/admin/letters/{id}/partners")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
public class PartnerPages {

    /** A partner as the page lists it: its sign-on link and the iframe snippet that frames the form with its code. */
    public record Row(LetterAdminViews.PartnerRow counts, String link, String embed, boolean logo) {
    }

    @CheckedTemplate(basePath = "partner")
    static class Templates {
        static native TemplateInstance partners(AdminView admin, long letterId, String title, List<Row> partners,
                                                FormErrors errors, String invited);
    }

    @Inject
    Coalitions coalitions;

    @Inject
    LetterAdminViews views;

    @Inject
    AccountService accounts;

    @Inject
    CurrentAdmin current;

    @Inject
    PartnerExport export;

    @Inject
    SiteConfig site;

    @Inject
    ShareLinks links;

    @GET
    public TemplateInstance page(@RestPath long id, @RestQuery String invited) {
        return page(id, FormErrors.none(), invited);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response add(@RestPath long id, @RestForm String name, @RestForm String website, @RestForm String code,
                        @RestForm("logo") FileUpload logo) {
        try {
            byte[] png = null;
            if (logo != null && logo.size() > 0) {
                try {
                    png = LogoImage.reencode(read(logo)).png();
                } catch (LogoImage.Refused refused) {
                    throw new InvalidInputException(FormErrors.none().add("logo", refused.detail()));
                }
            }
            coalitions.addPartner(current.actor(), id, name, website, code, png);
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(id, e.errors(), null).render()).build();
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/partners")).build();
    }

    /** A PARTNER account for this partner's staff: they see its figures and consenting contacts, nothing else. */
    @POST
    @Path("{pid}/staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response inviteStaff(@RestPath long id, @RestPath long pid, @RestForm String email, @RestForm String name) {
        LetterPartner partner = partnerOf(id, pid);
        try {
            accounts.invite(current.actor(), email, name, Role.PARTNER, partner.id());
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(id, e.errors(), null).render()).build();
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/partners?invited=" + pid)).build();
    }

    /** The partner's consenting contacts, for an admin handing them over (audited like the staff's own download). */
    @GET
    @Path("{pid}/contacts.csv")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response contacts(@RestPath long id, @RestPath long pid) {
        LetterPartner partner = partnerOf(id, pid);
        return PartnerStaffPages.download(export.csv(current.actor(), id, partner.id()), partner.code());
    }

    private TemplateInstance page(long id, FormErrors errors, String invited) {
        Letter letter = LetterService.require(id);
        List<Row> rows = views.partnerRows(id).stream()
                .map(p -> new Row(p, site.publicUrl() + "/letters/" + letter.slug + "/sign?partner=" + p.code(),
                        EmbedSnippets.partnerIframe(links.embedUrl(letter.slug), p.code(), letter.title),
                        LetterPartner.<LetterPartner>findByIdOptional(p.id()).map(LetterPartner::hasLogo).orElse(false)))
                .toList();
        return Templates.partners(current.view(), id, letter.title, rows, errors, invited);
    }

    static LetterPartner partnerOf(long letterId, long partnerId) {
        return LetterPartner.<LetterPartner>findByIdOptional(partnerId).filter(p -> p.letterId() == letterId)
                .orElseThrow(NotFoundException::new);
    }

    /** Reads an upload up to one byte over the limit: enough for the re-encoder to refuse it with the right message. */
    static byte[] read(FileUpload upload) {
        try (InputStream in = Files.newInputStream(upload.uploadedFile())) {
            return in.readNBytes(LogoImage.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
