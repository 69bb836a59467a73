package org.undersigned.logos;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The public image of an approved logo. */
@Path("/letters/{slug}/logos")
public class PublicLogos {

    @Inject
    Logos logos;

    /** Only an approved logo of an approved entry; removed or waiting logos are simply not there. */
    @GET
    @Path("{sid}.png")
    @Produces("image/png")
    public Response publicLogo(@RestPath String slug, @RestPath long sid) {
        return LogoPages.png(logos.publicImage(slug, sid).orElseThrow(NotFoundException::new), "no-cache");
    }

}
