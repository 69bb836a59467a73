package org.undersigned.embed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.web.ShareLinks;

import java.util.List;

/**
 * Editors list the sites that may frame a letter's sign-on form, and get the snippets to paste.
 * Per-letter access is enforced by {@code account.LetterAccessFilter} (the path names the letter).
 */
@Path("/api/admin/letters/{id}/embed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
@Tag(name = "Admin: embeds")
public class EmbedAdminApi {

    public record Embed(List<String> allowedSites, String iframe, String badgeSvg, String countJson, String oembed) {
    }

    public record SiteInput(String origin) {
    }

    @Inject
    EmbedSites sites;

    @Inject
    CurrentAdmin current;

    @Inject
    ShareLinks links;

    @GET
    public Embed get(@RestPath long id) {
        return view(id);
    }

    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_JSON)
    public Embed add(@RestPath long id, SiteInput input) {
        letter(id);
        sites.add(id, input == null ? null : input.origin(), current.actor());
        return view(id);
    }

    @DELETE
    @Path("sites")
    public Embed remove(@RestPath long id, @RestQuery String origin) {
        letter(id);
        sites.remove(id, origin, current.actor());
        return view(id);
    }

    private Embed view(long id) {
        Letter letter = letter(id);
        String slug = letter.slug;
        String iframe = EmbedSnippets.iframe(links.embedUrl(slug), letter.title);
        return new Embed(sites.list(id), iframe, links.embedUrl(slug) + "/count.svg", links.embedUrl(slug) + "/count.json",
                links.oembedUrl(slug));
    }

    private static Letter letter(long id) {
        return Letter.<Letter>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }
}
