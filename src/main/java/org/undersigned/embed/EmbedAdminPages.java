package org.undersigned.embed;

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
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.ShareLinks;

import java.net.URI;
import java.util.List;

/**
 * The editors' page for embedding a letter on partners' sites: the sites allowed to frame the
 * sign-on form, and the snippets to paste. Per-letter access: {@code account.LetterAccessFilter}.
 */
@Path("/admin/letters/{id}/embed")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class EmbedAdminPages {

    record Page(long letterId, String title, List<String> sites, String iframe, String badge, String countJson,
                String oembed, String input, FormErrors errors, String notice) {
    }

    @CheckedTemplate(basePath = "embed")
    static class Templates {
        static native TemplateInstance admin(AdminView admin, Page page);
    }

    @Inject
    EmbedSites sites;

    @Inject
    CurrentAdmin current;

    @Inject
    ShareLinks links;

    @GET
    public TemplateInstance page(@RestPath long id, @RestQuery String notice) {
        return Templates.admin(current.view(), page(id, "", FormErrors.none(), notice));
    }

    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestPath long id, @RestForm String origin) {
        letter(id);
        try {
            sites.add(id, origin, current.actor());
        } catch (InvalidInputException e) {
            String html = Templates.admin(current.view(), page(id, origin == null ? "" : origin, e.errors(), null)).render();
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/embed?notice=added")).build();
    }

    @POST
    @Path("sites/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath long id, @RestForm String origin) {
        letter(id);
        sites.remove(id, origin, current.actor());
        return Response.seeOther(URI.create("/admin/letters/" + id + "/embed?notice=removed")).build();
    }

    private Page page(long id, String input, FormErrors errors, String notice) {
        Letter letter = letter(id);
        String embed = links.embedUrl(letter.slug);
        String iframe = EmbedSnippets.iframe(embed, letter.title);
        String badge = "<a href=\"" + links.letterUrl(letter.slug) + "\"><img src=\"" + embed + "/count.svg\" alt=\"Signatories\"></a>";
        String safeNotice = "added".equals(notice) || "removed".equals(notice) ? notice : null;
        return new Page(id, letter.title, sites.list(id), iframe, badge, embed + "/count.json", links.oembedUrl(letter.slug),
                input, errors, safeNotice);
    }

    private static Letter letter(long id) {
        return Letter.<Letter>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }
}
