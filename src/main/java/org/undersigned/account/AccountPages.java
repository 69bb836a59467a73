package org.undersigned.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.Option;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Sign-in, sign-out, invitations and account management for the browser UI. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    public record AccountRow(long id, String email, String name, String role, boolean active, boolean invited,
                             long version, boolean self) {
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance signIn(String email, String next, String message, boolean signedOut);

        static native TemplateInstance invite(String token, String email, String name, FormErrors errors);

        static native TemplateInstance accounts(AdminView admin, List<AccountRow> accounts, List<Option> roles,
                                                FormErrors errors, String invitedEmail);
    }

    @Inject
    AccountService accounts;

    @Inject
    AdminTokens tokens;

    @Inject
    CurrentAdmin current;

    @GET
    @Path("sign-in")
    public TemplateInstance signInPage(@RestQuery String next, @RestQuery String signedOut) {
        return Templates.signIn(null, safeNext(next), null, signedOut != null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @org.undersigned.abuse.RateLimited(org.undersigned.abuse.RateLimit.ADMIN_SIGN_IN)
    public Response signIn(@RestForm String email, @RestForm String password, @RestForm String next) {
        SignInResult result = accounts.signIn(email, password);
        if (result instanceof SignInResult.SignedIn signedIn) {
            Account account = Account.findById(signedIn.accountId());
            return Response.seeOther(URI.create(safeNext(next))).cookie(tokens.cookie(tokens.issue(account))).build();
        }
        String message;
        int status;
        if (result instanceof SignInResult.TryLater later) {
            status = 429;
            message = later.locked()
                    ? "Too many failed attempts: this account is locked for " + minutes(later.retryAfter()) + ". Try again later."
                    : "Please wait " + Math.max(1, later.retryAfter().toSeconds()) + " seconds before trying again.";
        } else {
            status = 401;
            message = "The email address or password is not right.";
        }
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.signIn(email, safeNext(next), message, false).render());
        if (result instanceof SignInResult.TryLater later) {
            response.header("Retry-After", Math.max(1, later.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/admin/sign-in?signedOut=1")).cookie(tokens.expiredCookie()).build();
    }

    @GET
    @Path("invite/{token}")
    public TemplateInstance invitePage(@RestPath String token) {
        Account a = accounts.pendingInvite(token).orElseThrow(NotFoundException::new);
        return Templates.invite(token, a.email, a.displayName, FormErrors.none());
    }

    @POST
    @Path("invite/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptInvite(@RestPath String token, @RestForm String password, @RestForm String repeat) {
        try {
            Account a = accounts.acceptInvite(token, password, repeat);
            return Response.seeOther(URI.create("/admin")).cookie(tokens.cookie(tokens.issue(a))).build();
        } catch (InvalidInputException e) {
            Account a = accounts.pendingInvite(token).orElseThrow(NotFoundException::new);
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.invite(token, a.email, a.displayName, e.errors()).render()).build();
        }
    }

    @GET
    @Path("accounts")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance accountsPage(@RestQuery String invited) {
        return accountsView(FormErrors.none(), invited);
    }

    @POST
    @Path("accounts")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String email, @RestForm String name, @RestForm String role) {
        try {
            Account a = accounts.invite(current.actor(), email, name == null ? null : name.strip(), parseRole(role));
            return Response.seeOther(URI.create("/admin/accounts?invited=" + a.email)).build();
        } catch (InvalidInputException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(accountsView(e.errors(), null).render()).build();
        }
    }

    @POST
    @Path("accounts/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath long id, @RestForm String role, @RestForm String active, @RestForm long version) {
        Role r = parseRole(role);
        if (r == null) {
            throw new InvalidInputException(FormErrors.none().add("role", "Choose a role."));
        }
        accounts.changeRole(current.actor(), id, r, "yes".equals(active), version);
        return Response.seeOther(URI.create("/admin/accounts")).build();
    }

    private TemplateInstance accountsView(FormErrors errors, String invited) {
        long me = current.get().id();
        List<AccountRow> rows = accounts.all().stream()
                .map(a -> new AccountRow(a.id, a.email, a.displayName, a.role.name(), a.active, a.invitationPending(),
                        a.version, a.id == me))
                .toList();
        List<Option> roles = Arrays.stream(Role.values()).map(r -> new Option(r.name(), r.label())).toList();
        return Templates.accounts(current.view(), rows, roles, errors, invited);
    }

    static Role parseRole(String role) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
    }

    /** Only paths inside the admin UI: never an open redirect to another site. */
    static String safeNext(String next) {
        if (next != null && next.startsWith("/admin") && !next.startsWith("//") && !next.contains("\\")
                && !next.startsWith("/admin/sign-")) {
            return next;
        }
        return "/admin";
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, (d.toSeconds() + 59) / 60);
        return m + (m == 1 ? " minute" : " minutes");
    }
}
