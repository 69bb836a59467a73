package org.undersigned.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses state-changing requests that a browser says come from another site: a
 * {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none} (typed or bookmarked), or,
 * from browsers that do not send that header, an {@code Origin} that is not this site's. This stops login CSRF (a cross-site post of the
 * attacker's own credentials to the sign-in form) and is a second layer, under the CSRF tokens
 * and SameSite=Strict cookies, for every other form post.
 * <p>
 * Not checked: requests authenticated by an {@code Authorization} header (programs; no ambient
 * credentials), requests without either header (programs, old browsers: the CSRF token still
 * applies to admin forms), and the public sign-on form post, which coalitions may embed on their
 * own sites and which carries no credentials (its bot checks flag posts without our form stamp).
 */
public class CrossSiteRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");
    private static final Pattern EMBEDDABLE = Pattern.compile("^(?:/embed)?/letters/[^/]+/sign$");

    @Inject
    SiteConfig site;

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext context, HttpServerRequest request) {
        if (SAFE_METHODS.contains(context.getMethod()) || context.getHeaderString("Authorization") != null) {
            return null;
        }
        String path = context.getUriInfo().getPath();
        if (EMBEDDABLE.matcher(path).matches()) {
            return null;
        }
        String fetchSite = context.getHeaderString("Sec-Fetch-Site");
        boolean refused;
        if (fetchSite != null) {
            // Browsers that send it are the judge. (With Referrer-Policy: no-referrer, which this
            // site sets, Chromium sends "Origin: null" even for its own forms.)
            refused = !SAME_SITE_FETCH.contains(fetchSite.toLowerCase(Locale.ROOT));
        } else {
            String origin = context.getHeaderString("Origin");
            refused = origin != null && !origin.strip().equals("null") && !isOurs(origin, request);
        }
        if (!refused) {
            return null;
        }
        return ErrorResponses.build(request, 403, "cross-site", "This form was sent from another site",
                "For your security, this site only accepts forms sent from its own pages. "
                        + "Open the page on this site and try again.", List.of(), null);
    }

    private boolean isOurs(String origin, HttpServerRequest request) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (o.equals(originOf(site.publicUrl()))) {
            return true;
        }
        // The address this request was sent to (e.g. an instance reached directly inside the network).
        String host = request.getHeader("Host");
        return host != null && (o.equals("https://" + host.toLowerCase(Locale.ROOT))
                || o.equals("http://" + host.toLowerCase(Locale.ROOT)));
    }

    static String originOf(String url) {
        try {
            URI u = URI.create(url.strip());
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
