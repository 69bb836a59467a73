package org.undersigned.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Builds an error response in the form the client wants: an HTML page for browsers, RFC 9457
 * problem+json for everything else and for anything under {@code /api/}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static boolean wantsHtml(HttpServerRequest request) {
        if (request == null) {
            return false;
        }
        String path = request.path();
        if (path != null && (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/"))) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    public static Response build(HttpServerRequest request, int status, String type, String title, String detail,
                                 List<Problem.FieldError> errors, String reference) {
        Response.ResponseBuilder builder = Response.status(status).header("Cache-Control", "no-store");
        if (wantsHtml(request)) {
            String html = ErrorPages.error(new ErrorPages.ErrorView(status, title, detail, reference)).render();
            return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        String instance = reference == null ? null : "urn:undersigned:error:" + reference;
        Problem problem = new Problem("/problems/" + type, title, status, detail, instance, errors);
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
