package org.undersigned.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;

import java.util.List;

/**
 * Webhook endpoints for ADMINs: register (per letter or for all), see how deliveries went,
 * rotate the secret, trust with contact details, change events, deactivate, deliver a failed one again.
 */
@Path("/api/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Admin: webhooks")
public class WebhookAdminApi {

    public record EndpointInput(Long letterId, String url, List<String> events) {
    }

    public record TrustInput(boolean trusted) {
    }

    public record EventsInput(List<String> events) {
    }

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentAdmin current;

    @GET
    public List<Webhooks.EndpointView> list() {
        return webhooks.endpoints();
    }

    /** 201 with the secret, shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(EndpointInput input) {
        EndpointInput in = input == null ? new EndpointInput(null, null, null) : input;
        return Response.status(201).entity(webhooks.register(in.letterId(), in.url(), in.events(), current.actor())).build();
    }

    @GET
    @Path("{endpointId}")
    public Webhooks.EndpointView get(@RestPath long endpointId) {
        return webhooks.view(endpointId);
    }

    @GET
    @Path("{endpointId}/deliveries")
    public List<Webhooks.DeliveryView> deliveries(@RestPath long endpointId, @RestQuery Long before, @RestQuery Integer limit) {
        return webhooks.deliveries(endpointId, before, limit == null ? 50 : limit);
    }

    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/redeliver")
    public Webhooks.DeliveryView redeliver(@RestPath long endpointId, @RestPath long deliveryId) {
        return webhooks.redeliver(endpointId, deliveryId, current.actor());
    }

    @POST
    @Path("{endpointId}/rotate-secret")
    public Webhooks.WithSecret rotate(@RestPath long endpointId) {
        return webhooks.rotateSecret(endpointId, current.actor());
    }

    @PUT
    @Path("{endpointId}/trusted")
    @Consumes(MediaType.APPLICATION_JSON)
    public Webhooks.EndpointView trust(@RestPath long endpointId, TrustInput input) {
        return webhooks.setTrusted(endpointId, input != null && input.trusted(), current.actor());
    }

    @PUT
    @Path("{endpointId}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Webhooks.EndpointView events(@RestPath long endpointId, EventsInput input) {
        return webhooks.changeEvents(endpointId, input == null ? null : input.events(), current.actor());
    }

    @POST
    @Path("{endpointId}/deactivate")
    public Webhooks.EndpointView deactivate(@RestPath long endpointId) {
        return webhooks.deactivate(endpointId, current.actor());
    }
}
