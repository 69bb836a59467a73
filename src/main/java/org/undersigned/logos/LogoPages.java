package org.undersigned.logos;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.LetterWrites;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;

import java.net.URI;
import java.util.List;

/**
 * Logos and lead signers in the admin UI: the vetters' page of logos to approve or remove; the
 * editors' page of lead signers. (The public image is {@link PublicLogos}.)
 */
@Path("/admin")
public class LogoPages {

    @CheckedTemplate(basePath = "logos")
    static class Templates {
        static native TemplateInstance logos(AdminView admin, long letterId, String title, List<Logos.LogoRow> pending,
                                             List<Logos.LogoRow> approved);

        static native TemplateInstance leads(AdminView admin, long letterId, String title, List<LeadSigners.Lead> leads,
                                             String q, List<LeadSigners.Candidate> found);
    }

    @Inject
    Logos logos;

    @Inject
    LeadSigners leads;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("signatures/{sid}/logo.png")
    @Produces("image/png")
    @RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME, Role.EDITOR_NAME})
    public Response adminLogo(@RestPath long sid) {
        return png(logos.anyImage(sid).orElseThrow(NotFoundException::new), "no-store");
    }

    @GET
    @Path("letters/{id}/logos")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
    public TemplateInstance logosPage(@RestPath long id) {
        Letter letter = LetterService.require(id);
        return Templates.logos(current.view(), id, letter.title, logos.inState(id, LogoState.PENDING, 100),
                logos.inState(id, LogoState.APPROVED, 100));
    }

    /** A vetter approves or removes a logo (…/logo/approve, …/logo/remove). */
    @POST
    @Path("signatures/{sid}/logo/{decision:approve|remove}")
    @RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
    @LetterWrites(LetterAccess.Capability.VET)
    public Response decide(@RestPath long sid, @RestPath String decision) {
        if (decision.equals("approve")) {
            logos.approve(current.actor(), sid);
        } else {
            logos.remove(current.actor(), sid);
        }
        return backTo(sid, "logos");
    }

    @GET
    @Path("letters/{id}/leads")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public TemplateInstance leadsPage(@RestPath long id, @RestQuery String q) {
        Letter letter = LetterService.require(id);
        return Templates.leads(current.view(), id, letter.title, leads.of(id), q == null ? "" : q, leads.find(id, q));
    }

    @POST
    @Path("signatures/{sid}/lead")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response markLead(@RestPath long sid) {
        leads.mark(current.actor(), sid);
        return backTo(sid, "leads");
    }

    @POST
    @Path("signatures/{sid}/lead/remove")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response unmarkLead(@RestPath long sid) {
        leads.unmark(current.actor(), sid);
        return backTo(sid, "leads");
    }

    /** Back to the letter's page of logos or of lead signers, after an action on one of its signatures. */
    private static Response backTo(long sid, String page) {
        return Response.seeOther(URI.create("/admin/letters/" + letterOf(sid) + "/" + page)).build();
    }

    private static long letterOf(long sid) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Letter.getEntityManager()
                .createNativeQuery("select letter_id from signature where id = ?1").setParameter(1, sid)
                .getSingleResult()).longValue());
    }

    /** Served with its own type, never sniffed, and revalidated: a removed logo disappears at once. */
    static Response png(byte[] png, String cacheControl) {
        return Response.ok(png, "image/png")
                .header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .build();
    }
}
