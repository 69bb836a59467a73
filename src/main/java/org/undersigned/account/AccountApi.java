package org.undersigned.account;

import static org.undersigned.web.AdminText.admin;

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
import org.undersigned.audit.AuditLog;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.util.List;

/** Account management as JSON (admins only), and "who am I" for any admin. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: accounts")
public class AccountApi {

    public record AccountDto(long id, String email, String name, String role, boolean active, boolean invitationPending,
                             long version) {
        static AccountDto of(Account a) {
            return new AccountDto(a.id, a.email, a.displayName, a.role.name(), a.active, a.invitationPending(), a.version);
        }
    }

    public record Invitation(String email, String name, String role) {
    }

    public record Change(String role, Boolean active, Long version) {
    }

    public record Me(long id, String email, String name, String role) {
    }

    @Inject
    AccountService accounts;

    @Inject
    CurrentAdmin current;

    @Inject
    AuditLog audit;

    @GET
    @Path("me")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
    public Me me() {
        SignedInAdmin a = current.get();
        return new Me(a.id(), a.email(), a.name(), a.role().name());
    }

    @GET
    @Path("accounts")
    @RolesAllowed(Role.ADMIN_NAME)
    public List<AccountDto> list() {
        return accounts.all().stream().map(AccountDto::of).toList();
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response invite(Invitation body) {
        if (body == null) {
            throw new InvalidInputException(FormErrors.none().add("email", admin().api_invitation_body()));
        }
        Account a = accounts.invite(current.actor(), new InvitationForm(body.email(), body.name(), body.role()));
        return Response.created(URI.create("/api/admin/accounts/" + a.id)).entity(AccountDto.of(a)).build();
    }

    @PUT
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public AccountDto change(@RestPath long id, Change body) {
        Role role = body == null ? null : AccountPages.parseRole(body.role());
        if (role == null || body.version() == null) {
            throw new InvalidInputException(FormErrors.none().add("role", admin().api_role_change_body()));
        }
        return AccountDto.of(accounts.changeRole(current.actor(), id, role, !Boolean.FALSE.equals(body.active()), body.version()));
    }

    @GET
    @Path("accounts/{id}/audit")
    @RolesAllowed(Role.ADMIN_NAME)
    public List<AuditLog.Entry> audit(@RestPath long id) {
        return audit.forAccount(id);
    }
}
