package org.undersigned.account;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.Msg;
import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

    public record SessionRow(String id, String started, String expires, String client, boolean current) {
    }

    public record AccountRow(long id, String email, String name, String role, boolean active, boolean invited,
                             long version, boolean self) {
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance signIn(String email, String next, String message, Notice notice);

        static native TemplateInstance invite(String token, String email, String name, FormErrors errors);

        static native TemplateInstance accounts(AdminView admin, List<AccountRow> accounts, List<Option> roles,
                                                FormErrors errors, Notice notice);

        static native TemplateInstance sessions(AdminView admin, List<SessionRow> sessions, FormErrors errors,
                                                Notice notice);

        static native TemplateInstance resetRequest(Notice notice);

        static native TemplateInstance reset(String token, String email, FormErrors errors);
    }

    @Inject
    AccountService accounts;

    @Inject
    AdminTokens tokens;

    @Inject
    CurrentAdmin current;

    @Inject
    AdminSessions sessions;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    org.undersigned.abuse.ClientAddress clientAddress;

    @Inject
    io.vertx.core.http.HttpServerRequest request;

    @Inject
    org.undersigned.web.Dates dates;

    @Inject
    org.undersigned.web.FormValidation forms;

    @GET
    @Path("sign-in")
    public TemplateInstance signInPage(@RestQuery String next, @RestQuery String signedOut, @RestQuery String reset) {
        Notice notice = signedOut != null ? Notice.success(AdminMsg::notice_signed_out)
                : reset != null ? Notice.success(AdminMsg::notice_password_reset) : null;
        return Templates.signIn(null, safeNext(next), null, notice);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @org.undersigned.abuse.RateLimited(org.undersigned.abuse.RateLimit.ADMIN_SIGN_IN)
    public Response signIn(@BeanParam SignInForm form) {
        String next = form.next();
        SignInResult result = accounts.signIn(form.email(), form.password(), clientAddress.bucketOf(request));
        if (result instanceof SignInResult.SignedIn in) {
            AdminTokens.Issued issued = tokens.issue(in.accountId(), in.email(), in.role(), request.getHeader("User-Agent"));
            // Partner staff have one page of their own; the letters list is not theirs to see.
            String target = in.role() == Role.PARTNER && "/admin".equals(safeNext(next)) ? "/admin/partner" : safeNext(next);
            return Response.seeOther(URI.create(target)).cookie(tokens.cookie(issued)).build();
        }
        String message;
        int status;
        if (result instanceof SignInResult.TryLater later) {
            status = 429;
            message = waitText(later.retryAfter());
        } else {
            status = 401;
            message = admin().signin_refused();
        }
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.signIn(form.email(), safeNext(next), message, null).render());
        if (result instanceof SignInResult.TryLater later) {
            response.header("Retry-After", Math.max(1, later.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** Ends the session on every instance (its token stops working at once), then drops the cookie. */
    @POST
    @Path("sign-out")
    public Response signOut() {
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
            SignedInAdmin admin = identity.getAttribute(ActiveAccountAugmentor.ACCOUNT_ATTRIBUTE);
            if (admin != null) {
                sessions.end(admin.actor(), admin.id(), jwt.getTokenID());
            }
        }
        return Response.seeOther(URI.create("/admin/sign-in?signedOut=1")).cookie(tokens.expiredCookie()).build();
    }

    @GET
    @Path("sessions")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
    public TemplateInstance sessionsPage(@RestQuery String changed) {
        return sessionsView(FormErrors.none(), changed != null);
    }

    /** Ends one of the admin's own sessions (another browser, a lost laptop). */
    @POST
    @Path("sessions/{sid}/end")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
    public Response endSession(@RestPath String sid) {
        SignedInAdmin admin = current.get();
        if (!sessions.end(admin.actor(), admin.id(), sid)) {
            throw new NotFoundException();
        }
        if (sid.equals(currentSessionId())) {
            return Response.seeOther(URI.create("/admin/sign-in?signedOut=1")).cookie(tokens.expiredCookie()).build();
        }
        return Response.seeOther(URI.create("/admin/sessions")).build();
    }

    /** Changes the admin's own password; every other session of theirs ends. */
    @POST
    @Path("sessions/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@BeanParam PasswordChangeForm form) {
        return FormPage.submit(() -> {
            accounts.changePassword(current.get().id(), currentSessionId(), form);
            return Response.seeOther(URI.create("/admin/sessions?changed=1")).build();
        }, errors -> sessionsView(errors, false));
    }

    @GET
    @Path("password-reset")
    public TemplateInstance resetRequestPage() {
        return Templates.resetRequest(null);
    }

    /** Always the same answer, whether or not the address has an account. */
    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @org.undersigned.abuse.RateLimited(org.undersigned.abuse.RateLimit.LINK_REQUEST)
    public TemplateInstance requestReset(@RestForm String email) { // one field: nothing to check, same answer for every address
        accounts.requestPasswordReset(email);
        return Templates.resetRequest(Notice.success(AdminMsg::notice_reset_requested));
    }

    @GET
    @Path("password-reset/{token}")
    public TemplateInstance resetPage(@RestPath String token) {
        Account a = accounts.pendingReset(token).orElseThrow(NotFoundException::new);
        return Templates.reset(token, a.email, FormErrors.none());
    }

    @POST
    @Path("password-reset/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestPath String token, @BeanParam NewPasswordForm form) {
        return FormPage.submit(() -> {
            accounts.resetPassword(token, form);
            return Response.seeOther(URI.create("/admin/sign-in?reset=1")).cookie(tokens.expiredCookie()).build();
        }, errors -> Templates.reset(token, accounts.pendingReset(token).orElseThrow(NotFoundException::new).email, errors));
    }

    private TemplateInstance sessionsView(FormErrors errors, boolean changed) {
        String mine = currentSessionId();
        List<SessionRow> rows = sessions.live(current.get().id()).stream()
                .map(s -> new SessionRow(s.id(), dates.dateTime(s.createdAt()), dates.dateTime(s.expiresAt()),
                        s.userAgent() == null ? admin().session_unknown_program() : s.userAgent(), s.id().equals(mine)))
                .toList();
        return Templates.sessions(current.view(), rows, errors, changed ? Notice.success(AdminMsg::notice_password_changed) : null);
    }

    private String currentSessionId() {
        return identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt ? jwt.getTokenID() : null;
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
    public Response acceptInvite(@RestPath String token, @BeanParam NewPasswordForm form) {
        return FormPage.submit(() -> {
            Account a = accounts.acceptInvite(token, form);
            return Response.seeOther(URI.create("/admin")).cookie(tokens.cookie(
                    tokens.issue(a.id, a.email, a.role, request.getHeader("User-Agent")))).build();
        }, errors -> {
            Account a = accounts.pendingInvite(token).orElseThrow(NotFoundException::new);
            return Templates.invite(token, a.email, a.displayName, errors);
        });
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
    public Response invite(@BeanParam InvitationForm form) {
        return FormPage.submit(() -> {
            Account a = accounts.invite(current.actor(), form.stripped());
            return Response.seeOther(URI.create("/admin/accounts?invited=" + a.email)).build();
        }, errors -> accountsView(errors, null));
    }

    @POST
    @Path("accounts/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath long id, @BeanParam RoleChangeForm form) {
        forms.require(form);
        accounts.changeRole(current.actor(), id, form.chosenRole(), form.staysActive(), form.version());
        return Response.seeOther(URI.create("/admin/accounts")).build();
    }

    private TemplateInstance accountsView(FormErrors errors, String invited) {
        long me = current.get().id();
        List<AccountRow> rows = accounts.all().stream()
                .map(a -> new AccountRow(a.id, a.email, a.displayName, a.role.name(), a.active, a.invitationPending(),
                        a.version, a.id == me))
                .toList();
        List<Option> roles = Arrays.stream(Role.values()).map(r -> new Option(r.name(), r.label())).toList();
        return Templates.accounts(current.view(), rows, roles, errors,
                invited == null ? null : Notice.success(Notice.msg().notice_invited(invited)));
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

    private static String waitText(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 90 ? admin().signin_wait_seconds(s) : admin().signin_wait_minutes((s + 59) / 60);
    }
}
