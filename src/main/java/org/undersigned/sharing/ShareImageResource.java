package org.undersigned.sharing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.letter.Letter;
import org.undersigned.letterpage.LetterDirectory;

import java.time.Instant;

/** {@code /letters/{slug}/share.png}: the image social sites show for the letter's link. */
@Path("/letters/{slug}/share.png")
public class ShareImageResource {

    @Inject
    LetterDirectory directory;

    @Inject
    ShareImages images;

    @Inject
    SharingConfig config;

    @GET
    @Produces("image/png")
    public Response image(@RestPath String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        LetterDirectory.Entry e = directory.find(slug).orElseThrow(NotFoundException::new);
        ShareImages.Image image = images.image(e.id(), e.rowVersion(), e.counts().total(),
                () -> Letter.findBySlug(slug).orElseThrow(NotFoundException::new).title, Instant.now());
        String etag = "\"" + image.etag() + "\"";
        Response.ResponseBuilder r = etag.equals(ifNoneMatch) ? Response.notModified() : Response.ok(image.png(), "image/png");
        return r.header("ETag", etag)
                .header("Cache-Control", "public, max-age=" + config.imageRefreshEvery().toSeconds())
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }
}
