package org.undersigned.signing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages reached through a magic link show private details: no cache may keep them and no
 * search engine may index them.
 */
public class SignerPagesHeaders {

    @ServerResponseFilter
    public void privatePages(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/confirm/") || path.startsWith("/manage/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            response.getHeaders().putSingle("X-Robots-Tag", "noindex, nofollow");
        }
    }
}
