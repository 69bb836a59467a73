package org.undersigned.account;

import static org.undersigned.web.AdminText.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.web.ProblemException;

import java.time.Instant;

/** Exchanges an admin's email and password for a Bearer token for the JSON API. */
@Path("/api/auth/token")
@Tag(name = "Admin authentication")
public class AuthApi {

    public record Credentials(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String email,
                              @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String password) {
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    static class SignInRefused extends ProblemException {
        SignInRefused() {
            super(401, "sign-in-refused", admin().signin_refused_title(), admin().signin_refused());
        }
    }

    static class TryLater extends ProblemException {
        final long seconds;

        TryLater(long seconds) {
            super(429, "too-many-attempts", admin().signin_too_many_title(), admin().signin_too_many());
            this.seconds = seconds;
        }

        @Override
        public Long retryAfterSeconds() {
            return seconds;
        }
    }

    @Inject
    AccountService accounts;

    @Inject
    AdminTokens tokens;

    @Inject
    AdminSessions sessions;

    @Inject
    CurrentAdmin current;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    org.undersigned.abuse.ClientAddress clientAddress;

    @Inject
    io.vertx.core.http.HttpServerRequest request;

    @POST
    @org.undersigned.abuse.RateLimited(org.undersigned.abuse.RateLimit.ADMIN_SIGN_IN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a short-lived Bearer token", description = "Use it as 'Authorization: Bearer <token>' on /api/admin/.")
    public Response token(Credentials credentials) {
        SignInResult result = accounts.signIn(credentials == null ? null : credentials.email(),
                credentials == null ? null : credentials.password(), clientAddress.bucketOf(request));
        if (result instanceof SignInResult.SignedIn in) {
            AdminTokens.Issued issued = tokens.issue(in.accountId(), in.email(), in.role(), request.getHeader("User-Agent"));
            return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt())).build();
        }
        if (result instanceof SignInResult.TryLater later) {
            throw new TryLater(Math.max(1, later.retryAfter().toSeconds()));
        }
        throw new SignInRefused();
    }

    /** Ends the session of the token that makes this request, on every instance. */
    @DELETE
    @jakarta.annotation.security.RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
    @Operation(summary = "Sign out: the token stops working at once")
    public Response revoke() {
        SignedInAdmin admin = current.get();
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
            sessions.end(admin.actor(), admin.id(), jwt.getTokenID());
        }
        return Response.noContent().build();
    }
}
