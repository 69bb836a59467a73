package org.undersigned.partner;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import org.undersigned.web.AdminMsg;
import org.undersigned.web.FormErrors;
import org.undersigned.web.FormPage;
import org.undersigned.web.Notice;
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
 * add partners (with a logo the server re-encodes), edit them, put them in order and remove them
 * (a partner people signed on through is retired, see {@code letter.PartnerState}); admins invite
 * a partner's staff and download a partner's consenting contacts. Thin: each change is one call
 * to {@link Coalitions}.
 */
@Path("/admin/letters/{id}/partners")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
public class PartnerPages {

    /** A partner as the page lists it: its sign-on link and the iframe snippet that frames the form with its code. */
    public record Row(LetterAdminViews.PartnerRow counts, String link, String embed, boolean logo) {
    }

    /** The add and edit forms as typed, so they can be shown again with their errors. */
    @TemplateData
    public record PartnerForm(String name, String website, String code) {
        static final PartnerForm BLANK = new PartnerForm("", "", "");
    }

    @CheckedTemplate(basePath = "partner")
    static class Templates {
        static native TemplateInstance partners(AdminView admin, long letterId, String title, List<Row> partners,
                                                PartnerForm form, FormErrors errors, Notice notice);

        static native TemplateInstance edit(AdminView admin, long letterId, String title, LetterAdminViews.PartnerRow partner,
                                            PartnerForm form, FormErrors errors);
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
    public TemplateInstance page(@RestPath long id, @RestQuery String invited, @RestQuery String notice) {
        return page(id, PartnerForm.BLANK, FormErrors.none(), invited != null ? Notice.success(AdminMsg::notice_partner_invited)
                : notice(notice));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response add(@RestPath long id, @RestForm String name, @RestForm String website, @RestForm String code,
                        @RestForm("logo") FileUpload logo) {
        PartnerForm form = new PartnerForm(name, website, code);
        return FormPage.submit(() -> {
            coalitions.addPartner(current.actor(), id, name, website, code, logo(logo));
            return seeOther(id, "added");
        }, errors -> page(id, form, errors, null));
    }

    @GET
    @Path("{pid}")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public TemplateInstance editPage(@RestPath long id, @RestPath long pid) {
        LetterAdminViews.PartnerRow row = row(id, pid);
        return Templates.edit(current.view(), id, LetterService.require(id).title, row,
                new PartnerForm(row.name(), row.website() == null ? "" : row.website(), row.code()), FormErrors.none());
    }

    /** Name, website and logo (a new one replaces it; "remove" drops it). The link code stays. */
    @POST
    @Path("{pid}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response edit(@RestPath long id, @RestPath long pid, @RestForm String name, @RestForm String website,
                         @RestForm("logo") FileUpload logo, @RestForm String removeLogo) {
        LetterAdminViews.PartnerRow row = row(id, pid);
        PartnerForm form = new PartnerForm(name, website, row.code());
        return FormPage.submit(() -> {
            coalitions.editPartner(current.actor(), id, pid, name, website, logo(logo), "yes".equals(removeLogo));
            return seeOther(id, "edited");
        }, errors -> Templates.edit(current.view(), id, LetterService.require(id).title, row, form, errors));
    }

    /** Deleted if nobody signed on through it, retired otherwise (the notice says which). */
    @POST
    @Path("{pid}/remove")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response remove(@RestPath long id, @RestPath long pid) {
        Coalitions.Removal removal = coalitions.removePartner(current.actor(), id, pid);
        return seeOther(id, removal == Coalitions.Removal.DELETED ? "deleted" : "retired");
    }

    @POST
    @Path("{pid}/reinstate")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response reinstate(@RestPath long id, @RestPath long pid) {
        coalitions.reinstatePartner(current.actor(), id, pid);
        return seeOther(id, "reinstated");
    }

    @POST
    @Path("{pid}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response move(@RestPath long id, @RestPath long pid, @RestForm String direction) {
        return FormPage.submit(() -> {
            coalitions.movePartner(current.actor(), id, pid, Coalitions.Direction.of(direction));
            return seeOther(id, "moved");
        }, errors -> page(id, PartnerForm.BLANK, errors, null));
    }

    /** A PARTNER account for this partner's staff: they see its figures and consenting contacts, nothing else. */
    @POST
    @Path("{pid}/staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response inviteStaff(@RestPath long id, @RestPath long pid, @RestForm String email, @RestForm String name) {
        LetterPartner partner = partnerOf(id, pid);
        if (partner.retired()) {
            throw new org.undersigned.web.RuleException(AdminMsg::letter_partner_retired_title, AdminMsg::partner_retired_no_staff_page);
        }
        return FormPage.submit(() -> {
            accounts.invite(current.actor(), email, name, Role.PARTNER, partner.id());
            return Response.seeOther(URI.create("/admin/letters/" + id + "/partners?invited=" + pid)).build();
        }, errors -> page(id, PartnerForm.BLANK, errors, null));
    }

    /** The partner's consenting contacts, for an admin handing them over (audited like the staff's own download). */
    @GET
    @Path("{pid}/contacts.csv")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response contacts(@RestPath long id, @RestPath long pid) {
        LetterPartner partner = partnerOf(id, pid);
        return PartnerStaffPages.download(export.csv(current.actor(), id, partner.id()), partner.code());
    }

    private TemplateInstance page(long id, PartnerForm form, FormErrors errors, Notice notice) {
        Letter letter = LetterService.require(id);
        List<Row> rows = views.partnerRows(id).stream()
                .map(p -> new Row(p, site.publicUrl() + "/letters/" + letter.slug + "/sign?partner=" + p.code(),
                        EmbedSnippets.partnerIframe(links.embedUrl(letter.slug), p.code(), letter.title), p.logo()))
                .toList();
        return Templates.partners(current.view(), id, letter.title, rows, form, errors, notice);
    }

    private static Notice notice(String posted) {
        return posted == null ? null : switch (posted) {
            case "added" -> Notice.success(AdminMsg::notice_partner_added);
            case "edited" -> Notice.success(AdminMsg::notice_partner_edited);
            case "deleted" -> Notice.success(AdminMsg::notice_partner_deleted);
            case "retired" -> Notice.success(AdminMsg::notice_partner_retired);
            case "reinstated" -> Notice.success(AdminMsg::notice_partner_reinstated);
            case "moved" -> Notice.success(AdminMsg::notice_order_saved);
            default -> null;
        };
    }

    private LetterAdminViews.PartnerRow row(long id, long pid) {
        partnerOf(id, pid);
        return views.partnerRows(id).stream().filter(p -> p.id() == pid).findFirst().orElseThrow(NotFoundException::new);
    }

    private static Response seeOther(long id, String notice) {
        return Response.seeOther(URI.create("/admin/letters/" + id + "/partners?notice=" + notice)).build();
    }

    /** The upload re-encoded, or null when none was sent; a refused image is a form error. */
    private static byte[] logo(FileUpload logo) {
        if (logo == null || logo.size() == 0) {
            return null;
        }
        try {
            return LogoImage.reencode(read(logo)).png();
        } catch (LogoImage.Refused refused) {
            throw new InvalidInputException(FormErrors.none().add("logo", refused.detail()));
        }
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
