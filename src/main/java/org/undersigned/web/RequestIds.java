package org.undersigned.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, logged with each line written while it is handled (the JSON logs'
 * {@code mdc.requestId}) and returned as {@code X-Request-Id}, so a user's "reference" or a
 * proxy's access log leads to the application's lines. An id the ingress sent is kept when it
 * looks like one (ingress-nginx sends a random hex id); anything else is replaced, so a client
 * cannot write arbitrary text into the log. The id says nothing about the person.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{16,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String sent = rc.request().getHeader(HEADER);
            String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            // Quarkus keeps the MDC on the request's Vert.x context, so worker threads see it too.
            MDC.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.addEndHandler(ignored -> MDC.remove(MDC_KEY));
            rc.next();
        });
    }
}
