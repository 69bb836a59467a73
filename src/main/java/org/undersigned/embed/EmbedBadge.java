package org.undersigned.embed;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.letterpage.LetterDirectory;
import org.undersigned.web.Msg;
import org.undersigned.web.ShareLinks;

/**
 * A letter's public count for other sites: an SVG badge for an {@code <img>} and JSON that any
 * origin may fetch (CORS {@code *}: the figure is public and no credentials are involved). Read
 * from this instance's directory of public letters, so a viral count costs no database query.
 */
@Path("/embed/letters/{slug}")
public class EmbedBadge {

    /** The public figures, as published on the letter page. */
    public record CountJson(String letter, String url, long organizations, long individuals, long total) {
    }

    @Inject
    LetterDirectory directory;

    @Inject
    ShareLinks links;

    @GET
    @Path("count.json")
    @Produces("application/json")
    public Response json(@RestPath String slug) {
        LetterDirectory.Entry e = directory.find(slug).orElseThrow(NotFoundException::new);
        var c = e.counts();
        return shared(Response.ok(new CountJson(slug, links.letterUrl(slug), c.organizations(), c.individuals(), c.total())));
    }

    @GET
    @Path("count.svg")
    @Produces("image/svg+xml")
    public Response svg(@RestPath String slug) {
        LetterDirectory.Entry e = directory.find(slug).orElseThrow(NotFoundException::new);
        String label = MessageBundles.get(Msg.class).badge_count(e.counts().totalText());
        return shared(Response.ok(badge(label)).type("image/svg+xml; charset=utf-8"));
    }

    static Response shared(Response.ResponseBuilder r) {
        return r.header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("Cache-Control", "public, max-age=30")
                .build();
    }

    /** A self-contained badge: no external font, image or script. */
    static String badge(String label) {
        String text = label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        int width = 24 + text.length() * 8;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="28" role="img" aria-label="%s">\
                <rect width="%d" height="28" rx="4" fill="#1d4ed8"/>\
                <text x="12" y="19" fill="#ffffff" font-family="sans-serif" font-size="14">%s</text></svg>"""
                .formatted(width, text, width, text);
    }
}
