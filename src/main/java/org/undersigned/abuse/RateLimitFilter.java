package org.undersigned.abuse;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.undersigned.web.ErrorResponses;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link RateLimited} before the request body is read: a flood costs a map lookup, not
 * a form parse or a database round trip. Over the limit: 429 with Retry-After, as a friendly page
 * for browsers and problem+json for programs.
 */
public class RateLimitFilter {

    /** Which limit (if any) each resource method has; resolved once per method. */
    private static final Map<String, Optional<RateLimited>> BY_METHOD = new ConcurrentHashMap<>();

    @Inject
    RateLimiter limiter;

    @Inject
    ClientAddress clientAddress;

    @Inject
    RateLimitMetrics metrics;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, SimpleResourceInfo resource, HttpServerRequest request) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Optional<RateLimited> annotation = BY_METHOD.computeIfAbsent(
                resource.getResourceClass().getName() + "#" + resource.getMethodName() + "/" + resource.parameterTypes().length,
                k -> find(resource));
        if (annotation.isEmpty()) {
            return null;
        }
        String only = annotation.get().whenQuery();
        if (!only.isEmpty()) {
            String value = context.getUriInfo().getQueryParameters().getFirst(only);
            if (value == null || value.isBlank()) {
                return null;
            }
        }
        Optional<RateLimit> limit = Optional.of(annotation.get().value());
        String key = clientAddress.bucketOf(request);
        if (limit.get() == RateLimit.SIGN_ON) {
            key = key + "|" + context.getUriInfo().getPathParameters().getFirst("slug");
        }
        Optional<Duration> wait = limiter.tryAcquire(limit.get(), key);
        if (wait.isEmpty()) {
            return null;
        }
        metrics.limited(limit.get());
        long seconds = RateLimiter.secondsToWait(wait.get());
        return Response.fromResponse(ErrorResponses.build(request, 429, "rate-limited", "Please slow down",
                        message(limit.get(), seconds), List.of(), null))
                .header("Retry-After", seconds).build();
    }

    private static String message(RateLimit limit, long seconds) {
        String wait = seconds < 90 ? seconds + " seconds" : Math.round(seconds / 60.0) + " minutes";
        return switch (limit) {
            case SIGN_ON -> "Many sign-ons for this letter have come from your network in a short time. "
                    + "Nothing is wrong with yours: please wait " + wait + " and send it again.";
            case LINK_REQUEST -> "Several link requests have come from your network in a short time. "
                    + "Please wait " + wait + " and try again; links already sent still work.";
            case ADMIN_SIGN_IN -> "Too many sign-in attempts from your network. Please wait " + wait + " and try again.";
            case SEARCH -> "Many searches have come from your network in a short time. Please wait " + wait
                    + " and search again; the full list still works.";
        };
    }

    private static Optional<RateLimited> find(SimpleResourceInfo resource) {
        try {
            Method m = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            return Optional.ofNullable(m.getAnnotation(RateLimited.class));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
