package org.undersigned.mailing;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;

import java.net.URI;
import java.util.List;

/** Mailings to a letter's signers as JSON: draft, edit, test, send with the confirmed count, follow, cancel. */
@Path("/api/admin/mailings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
@Tag(name = "Admin: mailings")
public class MailingApi {

    public record NewMailing(MailingKind kind, Long updateId) {
    }

    public record Words(String subject, String body) {
    }

    public record Send(long expectedRecipients) {
    }

    @Inject
    Mailings mailings;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("{mid}")
    @Operation(summary = "A mailing: its words, the recipients it would reach now, and its progress")
    public Mailings.MailingView get(@RestPath long mid) {
        return mailings.view(mid);
    }

    @PUT
    @Path("{mid}")
    @Operation(summary = "Change a draft's subject and text")
    public Mailings.MailingView rewrite(@RestPath long mid, Words words) {
        mailings.rewrite(current.actor(), mid, words == null ? null : words.subject(), words == null ? null : words.body());
        return mailings.view(mid);
    }

    @POST
    @Path("{mid}/test")
    @Operation(summary = "Send one test copy to the signed-in account's own address")
    public Response test(@RestPath long mid) {
        mailings.sendTest(current.actor(), mid, current.get().email());
        return Response.accepted(mailings.view(mid)).build();
    }

    @POST
    @Path("{mid}/send")
    @Operation(summary = "Send to every recipient, confirming their exact number (409 if it changed)")
    public Response send(@RestPath long mid, Send body) {
        mailings.send(current.actor(), mid, body == null ? -1 : body.expectedRecipients());
        return Response.accepted(mailings.view(mid)).build();
    }

    @POST
    @Path("{mid}/cancel")
    @Operation(summary = "Drop a draft, or stop a mailing that is still sending")
    public Mailings.MailingView cancel(@RestPath long mid) {
        mailings.cancel(current.actor(), mid);
        return mailings.view(mid);
    }


    /** A letter's mailings: list and draft. */
    @Path("/api/admin/letters/{id}/mailings")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Tag(name = "Admin: mailings")
    public static class ForLetter {

        @Inject
        Mailings mailings;

        @Inject
        CurrentAdmin current;

        @GET
            @Operation(summary = "A letter's mailings, newest first")
        public List<Mailings.MailingView> list(@RestPath long id) {
            return mailings.forLetter(id);
        }

        @POST
            @Operation(summary = "Draft a mailing from an update, or about the letter's delivery or closing")
        public Response draft(@RestPath long id, NewMailing body) {
            long mid = mailings.draft(current.actor(), id, body == null || body.kind() == null ? MailingKind.UPDATE : body.kind(),
                    body == null ? null : body.updateId());
            return Response.created(URI.create("/api/admin/mailings/" + mid)).entity(mailings.view(mid)).build();
        }
    }
}
