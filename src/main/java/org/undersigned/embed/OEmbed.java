package org.undersigned.embed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.letterpage.LetterDirectory;
import org.undersigned.web.ShareLinks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oEmbed (https://oembed.com) for a letter's page: a "rich" answer whose HTML is the embeddable
 * sign-on form in an iframe. The letter page links here ({@code rel="alternate"
 * type="application/json+oembed"}). JSON only; XML is answered 501 as the spec allows.
 */
@Path("/oembed")
public class OEmbed {

    public record Answer(String version, String type, String provider_name, String provider_url, String title,
                         String html, int width, int height) {
    }

    private static final Pattern LETTER = Pattern.compile("/letters/([a-z0-9]+(?:-[a-z0-9]+)*)/?");
    static final int WIDTH = 560;
    static final int HEIGHT = 900;

    @Inject
    LetterDirectory directory;

    @Inject
    ShareLinks links;

    @GET
    @Produces("application/json")
    public Response describe(@RestQuery String url, @RestQuery String format, @RestQuery Integer maxwidth,
                             @RestQuery Integer maxheight) {
        if (format != null && !format.equals("json")) {
            return Response.status(501).build();
        }
        String slug = slugOf(url);
        directory.find(slug).orElseThrow(NotFoundException::new);
        var letter = org.undersigned.letter.Letter.findBySlug(slug).orElseThrow(NotFoundException::new);
        int width = maxwidth == null ? WIDTH : Math.max(200, Math.min(WIDTH, maxwidth));
        int height = maxheight == null ? HEIGHT : Math.max(300, Math.min(HEIGHT, maxheight));
        String title = letter.title.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String html = "<iframe src=\"" + links.embedUrl(slug) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + title + "\" style=\"border:0\" loading=\"lazy\"></iframe>";
        String provider = links.letterUrl("").replaceAll("/letters/$", "/");
        return EmbedBadge.shared(Response.ok(new Answer("1.0", "rich", "Undersigned", provider, letter.title, html, width, height)));
    }

    private String slugOf(String url) {
        String prefix = links.letterUrl("");
        if (url == null || !url.startsWith(prefix.substring(0, prefix.length() - "/letters/".length()))) {
            throw new NotFoundException();
        }
        String path = url.substring(prefix.length() - "/letters/".length());
        int q = path.indexOf('?');
        Matcher m = LETTER.matcher(q < 0 ? path : path.substring(0, q));
        if (!m.matches()) {
            throw new NotFoundException();
        }
        return m.group(1);
    }
}
