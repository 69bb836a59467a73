package org.undersigned.signing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;

import java.net.URI;

/** The editor's "email earlier signers about the change" action, from the letter editor page. */
@Path("/admin/letters/{id}/reconsent")
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
public class ReconsentAdmin {

    @Inject
    Reconsent reconsent;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(@RestPath long id, @RestForm String summary) {
        int n = reconsent.askEarlierSigners(current.actor(), id, summary);
        return Response.seeOther(URI.create("/admin/letters/" + id + "/edit?reconsent=" + n)).build();
    }

    /** The same as JSON. */
    @Path("/api/admin/letters/{id}/reconsent")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Tag(name = "Admin: letters")
    public static class Api {

        public record ReconsentRequest(String summary) {
        }

        public record ReconsentResult(int signersEmailed) {
        }

        @Inject
        Reconsent reconsent;

        @Inject
        CurrentAdmin current;

        @Inject
        LetterAccess access;

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        @Operation(summary = "Email everyone who signed an earlier text version a summary and a keep-or-withdraw link")
        public ReconsentResult ask(@RestPath long id, ReconsentRequest request) {
            return new ReconsentResult(reconsent.askEarlierSigners(current.actor(), id,
                    request == null ? null : request.summary()));
        }
    }
}
