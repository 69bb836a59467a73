package org.undersigned.partner;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.undersigned.account.Account;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.embed.EmbedSnippets;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterAdminViews;
import org.undersigned.letter.LetterPartner;
import org.undersigned.press.StreamedExport;
import org.undersigned.web.Dates;
import org.undersigned.web.ShareLinks;
import org.undersigned.web.SiteConfig;

/**
 * The one page partner staff have: their partner's sign-on link and figures, and the download
 * of the contacts that agreed to be shared with that partner. The partner comes from the
 * account, never from the request, so no address leads to another partner's data.
 */
@Path("/admin/partner")
@RolesAllowed(Role.PARTNER_NAME)
public class PartnerStaffPages {

    @CheckedTemplate(basePath = "partner")
    static class Templates {
        /** @param embed the iframe snippet that frames the form with this partner's code */
        static native TemplateInstance staff(AdminView admin, String letterTitle, String partnerName, String link,
                                             String embed, LetterAdminViews.PartnerRow figures);
    }

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAdminViews views;

    @Inject
    PartnerExport export;

    @Inject
    SiteConfig site;

    @Inject
    ShareLinks links;

    @Inject
    Dates dates;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance figures() {
        LetterPartner partner = ownPartner();
        Letter letter = Letter.findById(partner.letterId());
        LetterAdminViews.PartnerRow row = views.partnerRows(letter.id).stream()
                .filter(p -> p.id() == partner.id()).findFirst().orElseThrow();
        return Templates.staff(current.view(), letter.title, partner.name(),
                site.publicUrl() + "/letters/" + letter.slug + "/sign?partner=" + partner.code(),
                EmbedSnippets.partnerIframe(links.embedUrl(letter.slug), partner.code(), letter.title), row);
    }

    @GET
    @Path("contacts.csv")
    public Response contacts() {
        LetterPartner partner = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(this::ownPartner);
        return download(export.csv(current.actor(), partner.letterId(), partner.id()), partner.code());
    }

    private LetterPartner ownPartner() {
        Long partnerId = Account.<Account>findByIdOptional(current.get().id()).flatMap(Account::partnerId)
                .orElseThrow(ForbiddenException::new);
        // A retired partner's staff lose access; admins can still export its consenting contacts.
        return LetterPartner.<LetterPartner>findByIdOptional(partnerId).filter(p -> !p.retired())
                .orElseThrow(ForbiddenException::new);
    }

    static Response download(StreamedExport body, String code) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + code + "-contacts.csv\"")
                .build();
    }
}
