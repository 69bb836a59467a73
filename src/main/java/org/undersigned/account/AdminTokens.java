package org.undersigned.account;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Issues signed admin tokens and the session cookie that carries them. */
@ApplicationScoped
public class AdminTokens {

    public record Issued(String token, Instant expiresAt) {
    }

    @Inject
    JwtKeys keys;

    @Inject
    AuthConfig config;

    @Inject
    AdminSessions sessions;

    public Issued issue(Account account) {
        return issue(account.id, account.email, account.role, null);
    }

    /** A new token, recorded as a session (so it can be ended before it expires). */
    public Issued issue(long accountId, String email, Role role, String userAgent) {
        Instant now = Instant.now();
        Instant expires = now.plus(config.tokenTtl());
        String jti = UUID.randomUUID().toString();
        sessions.record(jti, accountId, now, expires, userAgent);
        String token = Jwt.issuer(config.issuer())
                .subject(String.valueOf(accountId))
                .upn(email)
                .groups(Set.of(role.name()))
                .issuedAt(now)
                .expiresAt(expires)
                .claim("jti", jti)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
        return new Issued(token, expires);
    }

    /** HttpOnly, SameSite=Strict, Secure outside development; a session cookie limited to the token's life. */
    public NewCookie cookie(Issued issued) {
        return new NewCookie.Builder(config.cookieName())
                .value(issued.token())
                .path("/")
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) config.tokenTtl().toSeconds())
                .build();
    }

    public NewCookie expiredCookie() {
        return new NewCookie.Builder(config.cookieName())
                .value("")
                .path("/")
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
    }

    public String cookieName() {
        return config.cookieName();
    }
}
