package org.undersigned.letter;

import io.quarkus.qute.CheckedTemplate;
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
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;

/** Delivering a letter by email, in the browser and as JSON. */
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class DeliveryPages {

    @CheckedTemplate(basePath = "letter")
    static class Templates {
        static native TemplateInstance delivery(AdminView admin, LetterDeliveries.DeliveryPage page, FormErrors errors,
                                                String notice);
    }

    @Inject
    LetterDeliveries deliveries;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @GET
    @Path("/admin/letters/{id}/delivery")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestPath long id, @RestQuery String notice) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        return Templates.delivery(current.view(), deliveries.page(id), FormErrors.none(), notice);
    }

    @POST
    @Path("/admin/letters/{id}/delivery/addresses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveAddresses(@RestPath long id, @RestForm String addresseeEmails) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        try {
            deliveries.saveAddresses(current.actor(), id, addresseeEmails);
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.delivery(current.view(), deliveries.page(id), e.errors(), null).render()).build();
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/delivery?notice=saved")).build();
    }

    @POST
    @Path("/admin/letters/{id}/delivery/send")
    @Produces(MediaType.TEXT_HTML)
    public Response send(@RestPath long id) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        deliveries.deliver(current.actor(), id);
        return Response.seeOther(URI.create("/admin/letters/" + id + "/delivery?notice=sent")).build();
    }

    /** The same as JSON. */
    public record Addresses(String addresseeEmails) {
    }

    @GET
    @Path("/api/admin/letters/{id}/delivery")
    @Produces(MediaType.APPLICATION_JSON)
    public LetterDeliveries.DeliveryPage get(@RestPath long id) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        return deliveries.page(id);
    }

    @POST
    @Path("/api/admin/letters/{id}/delivery/addresses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LetterDeliveries.DeliveryPage putAddresses(@RestPath long id, Addresses body) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        deliveries.saveAddresses(current.actor(), id, body == null ? null : body.addresseeEmails());
        return deliveries.page(id);
    }

    @POST
    @Path("/api/admin/letters/{id}/delivery")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliverApi(@RestPath long id) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        deliveries.deliver(current.actor(), id);
        return Response.accepted(deliveries.page(id)).build();
    }
}
