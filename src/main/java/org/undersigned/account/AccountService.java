package org.undersigned.account;

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
                outbox.enqueue(MailPriority.NOTICE, "account.sign-in-failures", c.email(), "Failed sign-in attempts on your Undersigned account",
                        """
                                Hello,

                                Someone tried to sign in to your Undersigned account (%s) with a wrong password %d times in the last %d minutes.

                                If that was you, there is nothing to do. If not: your account is not locked and
                                you can still sign in; the guesses are slowed down. To be safe, choose a new password:

                                %s/admin/password-reset
                                """.formatted(c.email(), config.throttle().notifyAfter(),
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
    public void changePassword(long accountId, String currentSession, String current, String password, String repeated) {
        String hash = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(accountId).passwordHash);
        if (!Passwords.matches(current, hash)) {
            throw new InvalidInputException(FormErrors.none().add("current", FormValidation.message("account.password.current")));
        }
        requireGoodPassword(password, "password");
        if (!password.equals(repeated)) {
            throw new InvalidInputException(FormErrors.none().add("repeat", FormValidation.message("account.password.repeat")));
        }
        String fresh = Passwords.hash(password);
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
        outbox.enqueue(MailPriority.LINK, "account.password-reset", a.email, "Choose a new password for Undersigned",
                """
                        Hello %s,

                        Someone (we hope you) asked to reset the password of your Undersigned account.
                        Choose a new one here; the link works once, until %s:

                        %s/admin/password-reset/%s

                        If you did not ask for this, ignore this email: your password stays as it is.
                        """.formatted(a.displayName, a.resetExpiresAt, site.publicUrl(), token.raw()));
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
    public Account resetPassword(String rawToken, String password, String repeated) {
        pendingReset(rawToken).orElseThrow(NotFoundException::new);
        requireGoodPassword(password, "password");
        if (!password.equals(repeated)) {
            throw new InvalidInputException(FormErrors.none().add("repeat", FormValidation.message("account.password.repeat")));
        }
        String fresh = Passwords.hash(password);
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
        requireGoodPassword(password, "password");
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
    public Account invite(Actor actor, String email, String name, Role role) {
        return invite(actor, email, name, role, null);
    }

    /** As {@link #invite(Actor, String, String, Role)}; a PARTNER account names its partner organization. */
    @Transactional
    public Account invite(Actor actor, String email, String name, Role role, Long partnerId) {
        FormErrors errors = FormErrors.none();
        String normalized = Account.normalize(email);
        if (normalized == null || !EmailAddresses.isValid(normalized)) {
            errors.add("email", "Enter an email address like name@example.org.");
        } else if (Account.findByEmail(normalized).isPresent()) {
            errors.add("email", "There is already an account with this address.");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add("name", "Enter the person's name (200 characters at most).");
        }
        if (role == null) {
            errors.add("role", "Choose a role.");
        } else if (role == Role.PARTNER && partnerId == null) {
            errors.add("role", "Partner staff are invited from a letter's partners page.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
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
        outbox.enqueue(MailPriority.LINK, "account.invite", a.email, "You are invited to help run coalition letters on Undersigned",
                """
                        Hello %s,

                        %s invited you to Undersigned as %s.

                        Choose your password here (the link works until %s):

                        %s/admin/invite/%s

                        If you were not expecting this, ignore this email.
                        """.formatted(name, actor.label(), role.label(), a.inviteExpiresAt, site.publicUrl(), token.raw()));
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
    public Account acceptInvite(String rawToken, String password, String repeated) {
        pendingInvite(rawToken).orElseThrow(NotFoundException::new);
        requireGoodPassword(password, "password");
        if (!password.equals(repeated)) {
            throw new InvalidInputException(FormErrors.none().add("repeat", FormValidation.message("account.password.repeat")));
        }
        String hash = Passwords.hash(password);
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
        if (a.id.equals(actor.accountId()) && (role != Role.ADMIN || !active)) {
            throw new RuleException("You cannot demote yourself",
                    "Ask another admin to change your own role or to deactivate your account.");
        }
        if (role == Role.PARTNER && a.partnerId().isEmpty()) {
            throw new RuleException("No partner for this account",
                    "Partner staff are invited from a letter's partners page, which ties the account to its partner.");
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

    private void requireGoodPassword(String password, String field) {
        int min = config.minPasswordLength();
        if (password == null || password.length() < min || password.length() > 200) {
            throw new InvalidInputException(FormErrors.none().add(field,
                    FormValidation.message("account.password.short", java.util.Map.of("min", min))));
        }
        if (password.isBlank()) {
            throw new InvalidInputException(FormErrors.none().add(field, FormValidation.message("account.password.blank")));
        }
    }

}
