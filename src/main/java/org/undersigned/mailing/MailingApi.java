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
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;

import java.net.URI;
import java.util.List;

/** Mailings to a letter's signers as JSON: draft, edit, test, send with the confirmed count, follow, cancel. */
@Path("/api/admin")
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

    @Inject
    LetterAccess access;

    @GET
    @Path("letters/{id}/mailings")
    @Operation(summary = "A letter's mailings, newest first")
    public List<Mailings.MailingView> list(@RestPath long id) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        return mailings.forLetter(id);
    }

    @POST
    @Path("letters/{id}/mailings")
    @Operation(summary = "Draft a mailing from an update, or about the letter's delivery or closing")
    public Response draft(@RestPath long id, NewMailing body) {
        access.require(current.get(), id, LetterAccess.Capability.EDIT);
        long mid = mailings.draft(current.actor(), id, body == null || body.kind() == null ? MailingKind.UPDATE : body.kind(),
                body == null ? null : body.updateId());
        return Response.created(URI.create("/api/admin/mailings/" + mid)).entity(mailings.view(mid)).build();
    }

    @GET
    @Path("mailings/{mid}")
    @Operation(summary = "A mailing: its words, the recipients it would reach now, and its progress")
    public Mailings.MailingView get(@RestPath long mid) {
        requireEdit(mid);
        return mailings.view(mid);
    }

    @PUT
    @Path("mailings/{mid}")
    @Operation(summary = "Change a draft's subject and text")
    public Mailings.MailingView rewrite(@RestPath long mid, Words words) {
        requireEdit(mid);
        mailings.rewrite(current.actor(), mid, words == null ? null : words.subject(), words == null ? null : words.body());
        return mailings.view(mid);
    }

    @POST
    @Path("mailings/{mid}/test")
    @Operation(summary = "Send one test copy to the signed-in account's own address")
    public Response test(@RestPath long mid) {
        requireEdit(mid);
        mailings.sendTest(current.actor(), mid, current.get().email());
        return Response.accepted(mailings.view(mid)).build();
    }

    @POST
    @Path("mailings/{mid}/send")
    @Operation(summary = "Send to every recipient, confirming their exact number (409 if it changed)")
    public Response send(@RestPath long mid, Send body) {
        requireEdit(mid);
        mailings.send(current.actor(), mid, body == null ? -1 : body.expectedRecipients());
        return Response.accepted(mailings.view(mid)).build();
    }

    @POST
    @Path("mailings/{mid}/cancel")
    @Operation(summary = "Drop a draft, or stop a mailing that is still sending")
    public Mailings.MailingView cancel(@RestPath long mid) {
        requireEdit(mid);
        mailings.cancel(current.actor(), mid);
        return mailings.view(mid);
    }

    private void requireEdit(long mid) {
        access.require(current.get(), mailings.letterOf(mid), LetterAccess.Capability.EDIT);
    }
}
