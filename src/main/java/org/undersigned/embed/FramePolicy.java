package org.undersigned.embed;

import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Lets the sites an editor listed frame one letter's embed pages. Every other response keeps the
 * site-wide {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}; here the policy is
 * replaced on the response itself (the site-wide headers are set before any resource runs) and
 * X-Frame-Options, which cannot name sites, is dropped. With no site listed, nobody may frame.
 */
@ApplicationScoped
public class FramePolicy {

    static final String CSP = "Content-Security-Policy";
    static final String NONE = "frame-ancestors 'none'";

    @Inject
    EmbedSites sites;

    public void allowListedSites(HttpServerResponse response, long letterId) {
        List<String> origins = sites.framingOrigins(letterId);
        if (origins.isEmpty()) {
            return;
        }
        String csp = response.headers().get(CSP);
        if (csp == null || !csp.contains(NONE)) {
            return; // not the policy we know how to widen: keep it as it is
        }
        response.headers().set(CSP, csp.replace(NONE, "frame-ancestors " + String.join(" ", origins)));
        response.headers().remove("X-Frame-Options");
    }
}
