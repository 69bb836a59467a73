package org.undersigned.partner;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterPartner;

/** A partner's logo on the public page: the PNG the server wrote when the editor added it. */
@Path("/letters/{slug}/partners/{code}/logo.png")
public class PartnerLogos {

    @GET
    @Produces("image/png")
    @Transactional
    public Response logo(@RestPath String slug, @RestPath String code) {
        Letter letter = Letter.findBySlug(slug).filter(l -> l.state().isPublic()).orElseThrow(NotFoundException::new);
        byte[] png = LetterPartner.byCode(letter.id, code).flatMap(LetterPartner::logo).orElseThrow(NotFoundException::new);
        return Response.ok(png, "image/png")
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .build();
    }
}
