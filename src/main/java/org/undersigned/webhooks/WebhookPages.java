package org.undersigned.webhooks;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.web.AdminMsg;
import org.undersigned.web.FormErrors;
import org.undersigned.web.FormPage;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.Notice;
import org.undersigned.web.Option;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Webhook endpoints in the browser, for ADMINs: the same service as {@code /api/admin/webhooks}
 * ({@link Webhooks}), so the page and the API cannot disagree. A secret is shown once, on the page
 * that answers the registration or the rotation (never stored in a page anyone can reload).
 */
@Path("/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class WebhookPages {

    /** The registration form as typed. */
    @TemplateData
    public record EndpointForm(String url, String letterId, List<String> events) {
        static final EndpointForm BLANK = new EndpointForm("", "", List.of());

        public boolean wants(String event) {
            return events != null && events.contains(event);
        }
    }

    /** An endpoint as listed, with the title of its letter (none for a global one). */
    @TemplateData
    public record Listed(Webhooks.EndpointView endpoint, String letterTitle) {
        /** The events form filled with what the endpoint hears now. */
        public EndpointForm form() {
            return new EndpointForm(endpoint.url(), endpoint.letterId() == null ? "" : String.valueOf(endpoint.letterId()),
                    endpoint.events());
        }
    }

    /** One page of an endpoint's deliveries, newest first; {@code olderBefore} is the keyset for the next page. */
    @TemplateData
    public record Deliveries(List<Webhooks.DeliveryView> rows, Long olderBefore) {
    }

    @CheckedTemplate(basePath = "webhooks")
    static class Templates {
        static native TemplateInstance list(AdminView admin, List<Listed> endpoints, Long letterId, String letterTitle,
                                            List<Option> letters, List<String> events, EndpointForm form, FormErrors errors,
                                            Notice notice);

        static native TemplateInstance endpoint(AdminView admin, Listed listed, List<String> events, Deliveries deliveries,
                                                FormErrors errors, Notice notice);

        static native TemplateInstance secret(AdminView admin, Listed listed, String secret, boolean rotated, long overlapHours);
    }

    static final int DELIVERIES_PER_PAGE = 50;

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookConfig config;

    @Inject
    CurrentAdmin current;

    @Inject
    jakarta.persistence.EntityManager em;

    /** Every endpoint, or those that hear about one letter (its own and the global ones). */
    @GET
    public TemplateInstance list(@RestQuery Long letter, @RestQuery String notice) {
        return list(letter, EndpointForm.BLANK, FormErrors.none(), notice(notice));
    }

    /** Registers an endpoint and shows its secret, this once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String url, @RestForm String letterId, @RestForm List<String> events) {
        EndpointForm form = new EndpointForm(url, letterId, events == null ? List.of() : events);
        return FormPage.submit(() -> {
            Webhooks.WithSecret made = webhooks.register(letterIdOf(letterId), url, events, current.actor());
            return secretPage(made, false);
        }, errors -> list(null, form, errors, null));
    }

    @GET
    @Path("{endpointId}")
    public TemplateInstance endpoint(@RestPath long endpointId, @RestQuery Long before, @RestQuery String notice) {
        return endpointPage(endpointId, before, FormErrors.none(), notice(notice));
    }

    @POST
    @Path("{endpointId}/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response events(@RestPath long endpointId, @RestForm List<String> events) {
        return FormPage.submit(() -> {
            webhooks.changeEvents(endpointId, events, current.actor());
            return seeOther(endpointId, "events");
        }, errors -> endpointPage(endpointId, null, errors, null));
    }

    /** Trusting an endpoint with contact details: ADMIN only (the class's role), audited by the service. */
    @POST
    @Path("{endpointId}/trusted")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response trusted(@RestPath long endpointId, @RestForm String trusted) {
        boolean trust = "yes".equals(trusted);
        webhooks.setTrusted(endpointId, trust, current.actor());
        return seeOther(endpointId, trust ? "trusted" : "untrusted");
    }

    /** A new secret, shown this once; the old one keeps signing alongside it for the overlap. */
    @POST
    @Path("{endpointId}/rotate-secret")
    public Response rotate(@RestPath long endpointId) {
        return secretPage(webhooks.rotateSecret(endpointId, current.actor()), true);
    }

    @POST
    @Path("{endpointId}/deactivate")
    public Response deactivate(@RestPath long endpointId) {
        webhooks.deactivate(endpointId, current.actor());
        return seeOther(endpointId, "deactivated");
    }

    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@RestPath long endpointId, @RestPath long deliveryId) {
        webhooks.redeliver(endpointId, deliveryId, current.actor());
        return seeOther(endpointId, "redelivered");
    }

    private TemplateInstance list(Long letterId, EndpointForm form, FormErrors errors, Notice notice) {
        List<Webhooks.EndpointView> endpoints = letterId == null ? webhooks.endpoints() : webhooks.endpointsFor(letterId);
        Map<Long, String> titles = titles();
        return Templates.list(current.view(), endpoints.stream().map(e -> listed(e, titles)).toList(), letterId,
                letterId == null ? null : titles.getOrDefault(letterId, "#" + letterId),
                titles.entrySet().stream().map(t -> new Option(String.valueOf(t.getKey()), t.getValue())).toList(),
                eventNames(), form, errors, notice);
    }

    private TemplateInstance endpointPage(long endpointId, Long before, FormErrors errors, Notice notice) {
        Webhooks.EndpointView e = webhooks.view(endpointId);
        List<Webhooks.DeliveryView> rows = webhooks.deliveries(endpointId, before, DELIVERIES_PER_PAGE);
        Long older = rows.size() == DELIVERIES_PER_PAGE ? rows.get(rows.size() - 1).id() : null;
        return Templates.endpoint(current.view(), listed(e, titles()), eventNames(), new Deliveries(rows, older), errors, notice);
    }

    private Response secretPage(Webhooks.WithSecret made, boolean rotated) {
        String html = Templates.secret(current.view(), listed(made.endpoint(), titles()), made.secret(), rotated,
                config.rotationOverlap().toHours()).render();
        // The secret is in this answer only: no cache may keep it.
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    private Listed listed(Webhooks.EndpointView e, Map<Long, String> titles) {
        return new Listed(e, e.letterId() == null ? null : titles.getOrDefault(e.letterId(), "#" + e.letterId()));
    }

    /** Letters' titles by id, newest first (for the form's choice and the list's titles). */
    @SuppressWarnings("unchecked")
    private Map<Long, String> titles() {
        List<jakarta.persistence.Tuple> rows = em.createNativeQuery("select id, title from letter order by id desc",
                jakarta.persistence.Tuple.class).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> org.undersigned.infra.Sql.longValue(r, "id"), r -> org.undersigned.infra.Sql.string(r, "title"),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static List<String> eventNames() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList();
    }

    /** The letter chosen in the form: empty for every letter. */
    private static Long letterIdOf(String posted) {
        if (posted == null || posted.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(posted.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FormErrors.none().add("letterId", AdminMsg::webhooks_choose_letter));
        }
    }

    private static Response seeOther(long endpointId, String notice) {
        return Response.seeOther(URI.create("/admin/webhooks/" + endpointId + "?notice=" + notice)).build();
    }

    private static final Map<String, Function<AdminMsg, String>> NOTICES = Map.of(
            "events", AdminMsg::notice_webhook_events,
            "trusted", AdminMsg::notice_webhook_trusted,
            "untrusted", AdminMsg::notice_webhook_untrusted,
            "deactivated", AdminMsg::notice_webhook_deactivated,
            "redelivered", AdminMsg::notice_webhook_redelivered);

    private static Notice notice(String posted) {
        Function<AdminMsg, String> text = posted == null ? null : NOTICES.get(posted);
        return text == null ? null : Notice.success(text);
    }
}
