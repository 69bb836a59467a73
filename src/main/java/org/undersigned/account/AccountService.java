package org.undersigned.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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

/** Admin accounts: sign-in with slow-down and lockout, invitations, roles. */
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

    /**
     * Checks a password. After each failure the next attempt must wait longer (1 s, 2 s, 4 s …);
     * after {@code max-failures} in a row the account is locked for a while. The row is locked
     * so that parallel guesses are counted, not lost.
     */
    @Transactional
    public SignInResult signIn(String email, String password) {
        Instant now = Instant.now();
        Optional<Account> found = Account.<Account>find("email", Account.normalize(email))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty()) {
            Passwords.matches(password, null);
            return new SignInResult.Refused();
        }
        Account a = found.get();
        if (a.lockedUntil != null && now.isBefore(a.lockedUntil)) {
            return new SignInResult.TryLater(Duration.between(now, a.lockedUntil), true);
        }
        if (a.nextSignInAt != null && now.isBefore(a.nextSignInAt)) {
            return new SignInResult.TryLater(Duration.between(now, a.nextSignInAt), false);
        }
        boolean ok = a.active && Passwords.matches(password, a.passwordHash);
        Actor actor = Actor.account(a.id, a.email);
        if (ok) {
            a.failedSignIns = 0;
            a.nextSignInAt = null;
            a.lockedUntil = null;
            a.lastSignInAt = now;
            audit.record(actor, "account.signed-in", Subject.account(a.id), null, null);
            return new SignInResult.SignedIn(a.id, a.email, a.role);
        }
        a.failedSignIns++;
        if (a.failedSignIns >= config.lockout().maxFailures()) {
            a.failedSignIns = 0;
            a.nextSignInAt = null;
            a.lockedUntil = now.plus(config.lockout().lockFor());
            audit.record(Actor.SYSTEM, "account.locked", Subject.account(a.id), null,
                    AuditLog.values("lockedUntil", a.lockedUntil));
            return new SignInResult.TryLater(config.lockout().lockFor(), true);
        }
        a.nextSignInAt = now.plus(config.lockout().slowdownBase().multipliedBy(1L << (a.failedSignIns - 1)));
        audit.record(Actor.SYSTEM, "account.sign-in-failed", Subject.account(a.id), null,
                AuditLog.values("failuresInARow", a.failedSignIns));
        return new SignInResult.Refused();
    }

    /** The account behind a valid token, if it still exists and is active. */
    @Transactional
    public Optional<Account> activeAccount(long id) {
        return Account.<Account>findByIdOptional(id).filter(a -> a.active && a.passwordHash != null);
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
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        audit.record(actor, "account.invited", Subject.account(a.id), null,
                AuditLog.values("email", a.email, "role", a.role));
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

    /** The invited person chooses a password; the invitation link stops working. */
    @Transactional
    public Account acceptInvite(String rawToken, String password, String repeated) {
        Account a = pendingInvite(rawToken).orElseThrow(NotFoundException::new);
        requireGoodPassword(password, "password");
        if (!password.equals(repeated)) {
            throw new InvalidInputException(FormErrors.none().add("repeat", "The two passwords are different."));
        }
        a.passwordHash = Passwords.hash(password);
        a.inviteTokenHash = null;
        a.inviteExpiresAt = null;
        a.updatedAt = Instant.now();
        audit.record(Actor.account(a.id, a.email), "account.activated", Subject.account(a.id), null, null);
        return a;
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
                    "Choose a password of at least " + min + " characters (a few unrelated words work well)."));
        }
        if (password.isBlank()) {
            throw new InvalidInputException(FormErrors.none().add(field, "A password cannot be only spaces."));
        }
    }

}
