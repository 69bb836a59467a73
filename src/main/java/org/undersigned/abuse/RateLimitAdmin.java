package org.undersigned.abuse;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.Msg;
import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** Admins see and change the rate limits while a campaign runs (e.g. raise them for a rally). */
@Path("/admin/abuse/limits")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class RateLimitAdmin {

    @TemplateData
    public record LimitRow(String key, String description, int perMinute, int burst, boolean changed,
                           int defaultPerMinute, int defaultBurst) {
    }

    @CheckedTemplate(basePath = "abuse")
    static class Templates {
        static native TemplateInstance limits(AdminView admin, List<LimitRow> limits, String editing, FormErrors errors,
                                              Notice notice);
    }

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitConfig config;

    @Inject
    CurrentAdmin current;

    @GET
    public TemplateInstance page(@RestQuery String saved) {
        return Templates.limits(current.view(), rows(limiter, config), null, FormErrors.none(),
                saved != null ? Notice.success(AdminMsg::notice_limits_saved) : null);
    }

    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath String key, @BeanParam RateLimitForm form) {
        RateLimit limit = RateLimit.byKey(key).orElseThrow(NotFoundException::new);
        return FormPage.submit(() -> {
            if (form.reset()) {
                limiter.reset(current.actor(), limit);
            } else {
                limiter.change(current.actor(), limit, form.change());
            }
            return Response.seeOther(URI.create("/admin/abuse/limits?saved=1")).build();
        }, errors -> Templates.limits(current.view(), rows(limiter, config), key, errors, null));
    }

    static List<LimitRow> rows(RateLimiter limiter, RateLimitConfig config) {
        return Arrays.stream(RateLimit.values()).map(l -> {
            RateLimiter.Limit now = limiter.limit(l);
            RateLimitConfig.Limit d = l.defaults(config);
            return new LimitRow(l.key, l.description, now.perMinute(), now.burst(), now.changedAtRuntime(),
                    d.perMinute(), d.burst());
        }).toList();
    }

    /** The same as JSON. */
    @Path("/api/admin/rate-limits")
    @RolesAllowed(Role.ADMIN_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Admin: abuse")
    public static class Api {

        @Inject
        RateLimiter limiter;

        @Inject
        RateLimitConfig config;

        @Inject
        CurrentAdmin current;

        @GET
        @Operation(summary = "Current rate limits (per minute, burst) and their configured defaults")
        public List<LimitRow> list() {
            return rows(limiter, config);
        }

        @PUT
        @Path("{key}")
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Change a rate limit on every instance (applies within seconds)")
        public LimitRow change(@RestPath String key, LimitChange change) {
            RateLimit limit = RateLimit.byKey(key).orElseThrow(NotFoundException::new);
            if (change == null) {
                throw new InvalidInputException(FormErrors.none().add("body", admin().api_rate_limit_body()));
            }
            limiter.change(current.actor(), limit, change);
            return rows(limiter, config).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        }

        @DELETE
        @Path("{key}")
        @Operation(summary = "Back to the configured default")
        public LimitRow reset(@RestPath String key) {
            RateLimit limit = RateLimit.byKey(key).orElseThrow(NotFoundException::new);
            limiter.reset(current.actor(), limit);
            return rows(limiter, config).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        }
    }
}
