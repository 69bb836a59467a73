package org.undersigned.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Refuses addresses carrying control characters once %-decoded (such as {@code /letters/%00}).
 * No slug, token or search term legitimately contains one, and PostgreSQL cannot even hold a NUL
 * in text: without this check such a request would reach a query and fail there as a 500.
 */
public class RequestHygiene {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext context, HttpServerRequest request) {
        var uri = context.getUriInfo();
        boolean bad = hasControl(uri.getPath(), false)
                || uri.getQueryParameters().values().stream().flatMap(List::stream).anyMatch(v -> hasControl(v, true));
        if (!bad) {
            return null;
        }
        return ErrorResponses.build(request, 400, "malformed-request", "Malformed request",
                "The address contains characters that cannot be part of a link. Check the link and try again.",
                List.of(), null);
    }

    /** C0 controls and DEL; a query value (such as a pasted search) may keep tabs and line breaks. */
    static boolean hasControl(String text, boolean allowWhitespace) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(allowWhitespace && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
