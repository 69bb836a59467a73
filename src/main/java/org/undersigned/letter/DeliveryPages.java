package org.undersigned.letter;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.Msg;
import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
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
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;

/** Delivering a letter by email, in the browser and as JSON. */
@Path("/admin/letters/{id}/delivery")
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class DeliveryPages {

    @CheckedTemplate(basePath = "letter")
    static class Templates {
        static native TemplateInstance delivery(AdminView admin, LetterDeliveries.DeliveryPage page, FormErrors errors,
                                                Notice notice);
    }

    @Inject
    LetterDeliveries deliveries;

    @Inject
    CurrentAdmin current;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestPath long id, @RestQuery String notice) {
        Notice shown = "saved".equals(notice) ? Notice.success(AdminMsg::notice_addresses_saved)
                : "sent".equals(notice) ? Notice.success(AdminMsg::notice_delivery_sent) : null;
        return Templates.delivery(current.view(), deliveries.page(id), FormErrors.none(), shown);
    }

    @POST
    @Path("addresses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveAddresses(@RestPath long id, @RestForm String addresseeEmails) {
        try {
            deliveries.saveAddresses(current.actor(), id, addresseeEmails);
        } catch (InvalidInputException e) {
            return FormPage.invalid(Templates.delivery(current.view(), deliveries.page(id), e.errors(), null));
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/delivery?notice=saved")).build();
    }

    @POST
    @Path("send")
    @Produces(MediaType.TEXT_HTML)
    public Response send(@RestPath long id) {
        deliveries.deliver(current.actor(), id);
        return Response.seeOther(URI.create("/admin/letters/" + id + "/delivery?notice=sent")).build();
    }

    /** The addressees' addresses, as JSON. */
    public record Addresses(String addresseeEmails) {
    }

    /** The same as JSON. */
    @Path("/api/admin/letters/{id}/delivery")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public static class Api {

        @Inject
        LetterDeliveries deliveries;

        @Inject
        CurrentAdmin current;

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public LetterDeliveries.DeliveryPage get(@RestPath long id) {
            return deliveries.page(id);
        }

        @POST
        @Path("addresses")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public LetterDeliveries.DeliveryPage putAddresses(@RestPath long id, Addresses body) {
            deliveries.saveAddresses(current.actor(), id, body == null ? null : body.addresseeEmails());
            return deliveries.page(id);
        }

        @POST
        @Produces(MediaType.APPLICATION_JSON)
        public Response deliverApi(@RestPath long id) {
            deliveries.deliver(current.actor(), id);
            return Response.accepted(deliveries.page(id)).build();
        }
    }
}
