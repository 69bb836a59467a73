package org.undersigned.osdi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;

import java.util.List;

/** API keys for integrations, for ADMINs: issue (shown once), list, revoke. */
@Path("/api/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Admin: API keys")
public class ApiKeyAdminApi {

    public record KeyInput(String name) {
    }

    @Inject
    ApiKeys keys;

    @Inject
    CurrentAdmin current;

    @GET
    public List<ApiKeys.KeyView> list() {
        return keys.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(KeyInput input) {
        return Response.status(201).entity(keys.issue(input == null ? null : input.name(), current.actor())).build();
    }

    @POST
    @Path("{keyId}/revoke")
    public ApiKeys.KeyView revoke(@RestPath long keyId) {
        return keys.revoke(keyId, current.actor());
    }
}
