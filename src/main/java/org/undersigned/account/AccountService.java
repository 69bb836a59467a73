package org.undersigned.account;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.FormValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.infra.EmailAddresses;
import org.undersigned.infra.Tokens;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.RuleException;
import org.undersigned.web.SiteConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Admin accounts: sign-in with throttling (never lock-out), passwords, invitations, roles. */
@ApplicationScoped
public class AccountService {

    @Inject
    AuthConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    Tokens tokens;

    @Inject
    SiteConfig site;

    @Inject
    SignInThrottle throttle;

    @Inject
    AdminSessions sessions;

    @Inject
    FormValidation forms;

    /** What sign-in needs to know about an account, read in a short transaction of its own. */
    private record Candidate(long id, String email, Role role, boolean active, String passwordHash) {
    }

    /**
     * Checks a password. Slowing guessers down is {@link SignInThrottle}'s job (per address and
     * client, so nobody can lock an admin out); an address without an account is treated exactly
     * like one with an account (same answer, same delays, a decoy hash of the same cost).
     * <p>
     * Not {@code @Transactional}, on purpose: bcrypt takes a quarter of a second, and no database
     * connection is held while it runs. The account is read in one short transaction and the
     * outcome written in another, so a burst of sign-in attempts cannot starve the pool.
     *
     * @param client the client as rate limits count it ({@code ClientAddress#bucketOf})
     */
    public SignInResult signIn(String email, String password, String client) {
        Instant now = Instant.now();
        String normalized = Account.normalize(email);
        Optional<Duration> wait = throttle.waitBefore(normalized, client, now);
        if (wait.isPresent()) {
            return new SignInResult.TryLater(wait.get());
        }
        Candidate c = normalized == null ? null : QuarkusTransaction.requiringNew().call(() ->
                Account.findByEmail(normalized)
                        .map(a -> new Candidate(a.id, a.email, a.role, a.active, a.passwordHash)).orElse(null));
        boolean ok = Passwords.matches(password, c == null ? null : c.passwordHash()) && c.active();
        if (ok) {
            throttle.succeeded(normalized, client);
            QuarkusTransaction.requiringNew().run(() -> {
                Account a = Account.findById(c.id());
                a.lastSignInAt = now;
                audit.record(Actor.account(a.id, a.email), "account.signed-in", Subject.account(a.id), null, null);
            });
            return new SignInResult.SignedIn(c.id(), c.email(), c.role());
        }
        throttle.failed(normalized, client, now);
        boolean notify = throttle.failedOnAccount(normalized, now);
        QuarkusTransaction.requiringNew().run(() -> {
            if (c == null) {
                return; // nothing to record about an address nobody uses
            }
            audit.record(Actor.SYSTEM, "account.sign-in-failed", Subject.account(c.id()), null, null);
            if (notify) {
                AdminMsg msg = admin();
                outbox.enqueue(MailPriority.NOTICE, "account.sign-in-failures", c.email(), msg.mail_signin_failures_subject(),
                        msg.mail_signin_failures(c.email(), config.throttle().notifyAfter(),
                                config.throttle().noticeWindow().toMinutes(), site.publicUrl()));
            }
        });
        return new SignInResult.Refused();
    }

    /** The account behind a valid token, if it still exists, is active and the token's session is live. */
    @Transactional
    public Optional<Account> activeAccount(long id, String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Number live = (Number) Account.getEntityManager().createNativeQuery(
                        "select count(*) from admin_session where id = ?1 and account_id = ?2 and revoked_at is null "
                                + "and expires_at > now()")
                .setParameter(1, sessionId).setParameter(2, id).getSingleResult();
        if (live.intValue() == 0) {
            return Optional.empty();
        }
        return Account.<Account>findByIdOptional(id).filter(a -> a.active && a.passwordHash != null);
    }

    /**
     * A signed-in admin changes their password: the current one is checked first (outside any
     * transaction, like sign-in), and every other session of theirs ends.
     */
    public void changePassword(long accountId, String currentSession, PasswordChangeForm form) {
        String hash = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(accountId).passwordHash);
        if (!Passwords.matches(form.current(), hash)) {
            throw new InvalidInputException(FormErrors.none().add("current", FormValidation.message("account.password.current")));
        }
        String fresh = Passwords.hash(requireGoodPassword(form.fresh()));
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.findById(accountId);
            a.passwordHash = fresh;
            a.resetTokenHash = null;
            a.resetExpiresAt = null;
            a.updatedAt = Instant.now();
            int ended = sessions.endAll(accountId, currentSession);
            audit.record(Actor.account(a.id, a.email), "account.password-changed", Subject.account(a.id), null,
                    AuditLog.values("otherSessionsEnded", ended));
        });
    }

    /**
     * "Forgot your password?": emails a single-use link that works for {@code reset-ttl} when the
     * address belongs to an active account; says nothing either way.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        Optional<Account> found = Account.findByEmail(email).filter(a -> a.active && a.passwordHash != null);
        if (found.isEmpty()) {
            return;
        }
        Account a = found.get();
        Instant now = Instant.now();
        Tokens.Token token = tokens.issue();
        a.resetTokenHash = token.hash();
        a.resetExpiresAt = now.plus(config.resetTtl());
        a.updatedAt = now;
        audit.record(Actor.SYSTEM, "account.password-reset-requested", Subject.account(a.id), null, null);
        AdminMsg msg = admin();
        outbox.enqueue(MailPriority.LINK, "account.password-reset", a.email, msg.mail_password_reset_subject(),
                msg.mail_password_reset(a.displayName, a.resetExpiresAt.toString(),
                        site.publicUrl() + "/admin/password-reset/" + token.raw()));
    }

    /** The account a reset link is for, while the link is unused and unexpired. */
    @Transactional
    public Optional<Account> pendingReset(String rawToken) {
        Instant now = Instant.now();
        return Tokens.hashOf(rawToken)
                .flatMap(h -> Account.find("resetTokenHash", h).<Account>firstResultOptional())
                .filter(a -> a.active && a.resetExpiresAt != null && now.isBefore(a.resetExpiresAt));
    }

    /** Sets the new password from a reset link: the link stops working and every session ends. */
    public Account resetPassword(String rawToken, NewPasswordForm form) {
        pendingReset(rawToken).orElseThrow(NotFoundException::new);
        String fresh = Passwords.hash(requireGoodPassword(form));
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = pendingReset(rawToken).orElseThrow(NotFoundException::new);
            a.passwordHash = fresh;
            a.resetTokenHash = null;
            a.resetExpiresAt = null;
            a.updatedAt = Instant.now();
            sessions.endAll(a.id, null);
            audit.record(Actor.account(a.id, a.email), "account.password-reset", Subject.account(a.id), null, null);
            return a;
        });
    }

    /** Creates the first admin from configuration when no account has that address. */
    @Transactional
    public boolean ensureFirstAdmin(String email, String name, String password) {
        // Several instances may start together: they take turns, and only the first creates it.
        Account.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(7100010)").getSingleResult();
        if (Account.findByEmail(email).isPresent()) {
            return false;
        }
        forms.require(new NewPasswordForm(password, password));
        Instant now = Instant.now();
        Account a = new Account();
        a.email = Account.normalize(email);
        a.displayName = name;
        a.role = Role.ADMIN;
        a.passwordHash = Passwords.hash(password);
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        audit.record(Actor.SYSTEM, "account.created", Subject.account(a.id), null,
                AuditLog.values("email", a.email, "role", a.role));
        return true;
    }

    /** An admin invites someone: the account exists at once, usable once they choose a password. */
    @Transactional
    public Account invite(Actor actor, InvitationForm form) {
        return invite(actor, form, null);
    }

    /** As {@link #invite(Actor, InvitationForm)}, for a PARTNER account of the given partner organization. */
    @Transactional
    public Account invite(Actor actor, String email, String name, Role role, Long partnerId) {
        return invite(actor, new InvitationForm(email, name, role == null ? null : role.name()), partnerId);
    }

    private Account invite(Actor actor, InvitationForm form, Long partnerId) {
        AdminMsg msg = admin();
        FormErrors errors = forms.addViolations(FormErrors.none(), form);
        String normalized = Account.normalize(form.email());
        if (normalized == null || !EmailAddresses.isValid(normalized)) {
            errors.add("email", msg.account_email_invalid());
        } else if (Account.findByEmail(normalized).isPresent()) {
            errors.add("email", msg.account_email_taken());
        }
        if (!errors.has("role") && form.chosenRole() == Role.PARTNER && partnerId == null) {
            errors.add("role", msg.account_partner_from_partners_page());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.orderedBy(InvitationForm.FIELD_ORDER));
        }
        Role role = form.chosenRole();
        String name = form.name();
        Instant now = Instant.now();
        Tokens.Token token = tokens.issue();
        Account a = new Account();
        a.email = normalized;
        a.displayName = name;
        a.role = role;
        a.inviteTokenHash = token.hash();
        a.inviteExpiresAt = now.plus(config.inviteTtl());
        a.invitedBy = actor.accountId();
        a.assignPartner(role == Role.PARTNER ? partnerId : null);
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        audit.record(actor, "account.invited", Subject.account(a.id), null, a.partnerId().isEmpty()
                ? AuditLog.values("email", a.email, "role", a.role)
                : AuditLog.values("email", a.email, "role", a.role, "partner", a.partnerId().get()));
        outbox.enqueue(MailPriority.LINK, "account.invite", a.email, msg.mail_invite_subject(),
                msg.mail_invite(name, actor.label(), role.label(), a.inviteExpiresAt.toString(),
                        site.publicUrl() + "/admin/invite/" + token.raw()));
        return a;
    }

    @Transactional
    public Optional<Account> pendingInvite(String rawToken) {
        Instant now = Instant.now();
        return Tokens.hashOf(rawToken)
                .flatMap(h -> Account.find("inviteTokenHash", h).<Account>firstResultOptional())
                .filter(a -> a.inviteExpiresAt != null && now.isBefore(a.inviteExpiresAt));
    }

    /**
     * The invited person chooses a password; the invitation link stops working. Hashed outside
     * any transaction, like every password.
     */
    public Account acceptInvite(String rawToken, NewPasswordForm form) {
        pendingInvite(rawToken).orElseThrow(NotFoundException::new);
        String hash = Passwords.hash(requireGoodPassword(form));
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = pendingInvite(rawToken).orElseThrow(NotFoundException::new);
            a.passwordHash = hash;
            a.inviteTokenHash = null;
            a.inviteExpiresAt = null;
            a.updatedAt = Instant.now();
            audit.record(Actor.account(a.id, a.email), "account.activated", Subject.account(a.id), null, null);
            return a;
        });
    }

    @Transactional
    public Account changeRole(Actor actor, long accountId, Role role, boolean active, long expectedVersion) {
        Account a = Account.<Account>findByIdOptional(accountId).orElseThrow(NotFoundException::new);
        if (a.version != expectedVersion) {
            throw new org.undersigned.web.ConflictException();
        }
        AdminMsg msg = admin();
        if (a.id.equals(actor.accountId()) && (role != Role.ADMIN || !active)) {
            throw new RuleException(msg.account_demote_self_title(), msg.account_demote_self());
        }
        if (role == Role.PARTNER && a.partnerId().isEmpty()) {
            throw new RuleException(msg.account_no_partner_title(), msg.account_no_partner());
        }
        var before = AuditLog.values("role", a.role, "active", a.active);
        a.role = role;
        a.active = active;
        a.updatedAt = Instant.now();
        audit.record(actor, "account.changed", Subject.account(a.id), before, AuditLog.values("role", a.role, "active", a.active));
        return a;
    }

    public List<Account> all() {
        return Account.list("order by lower(displayName), email");
    }

    /** The new password, once it follows the rules and was typed the same twice; nothing is written otherwise. */
    private String requireGoodPassword(NewPasswordForm form) {
        forms.require(form);
        if (!form.repeated()) {
            throw new InvalidInputException(FormErrors.none().add("repeat", FormValidation.message("account.password.repeat")));
        }
        return form.password();
    }

}
