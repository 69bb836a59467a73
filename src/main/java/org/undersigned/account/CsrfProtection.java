package org.undersigned.account;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.undersigned.web.ErrorResponses;

import java.util.List;
import java.util.Set;

/**
 * Every state-changing admin request that rides on the session cookie must carry the CSRF token
 * (form field {@value Csrf#FIELD} or header {@value Csrf#HEADER}). Requests authenticated with a
 * Bearer header carry no ambient credentials and need none.
 */
public class CsrfProtection {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Before sign-in there is no session to forge. */
    private static final List<String> OPEN_PATHS = List.of("/admin/sign-in", "/admin/invite/", "/admin/password-reset");

    @Inject
    AuthConfig config;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (SAFE_METHODS.contains(context.getMethod())) {
            return null;
        }
        String path = context.getUriInfo().getPath();
        if (!(path.startsWith("/admin/") || path.startsWith("/api/admin/")) || OPEN_PATHS.stream().anyMatch(path::startsWith)) {
            return null;
        }
        Cookie session = context.getCookies().get(config.cookieName());
        if (session == null || session.getValue().isEmpty()) {
            return null;
        }
        String presented = context.getHeaderString(Csrf.HEADER);
        if (presented == null) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(Csrf.FIELD, true, false);
            presented = field instanceof String s ? s : null;
        }
        if (Csrf.matches(session.getValue(), presented)) {
            return null;
        }
        return ErrorResponses.build(request, 403, "csrf", "This form is out of date",
                "For your security, admin forms only work from a page this site just showed you. "
                        + "Go back, reload the page and try again.", List.of(), null);
    }
}
