package org.undersigned.account;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * How SmallRye JWT verifies admin tokens: RS256 only, our issuer only, no grace period after
 * expiry; the token is read from the session cookie (browser UI) or from an
 * {@code Authorization: Bearer} header (JSON API).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class JwtVerification {

    @Produces
    @Singleton
    JWTAuthContextInfo authContextInfo(JwtKeys keys, AuthConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), config.issuer());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setTokenHeader("Cookie");
        info.setTokenCookie(config.cookieName());
        info.setAlwaysCheckAuthorization(true);
        info.setExpGracePeriodSecs(0);
        info.setMaxTimeToLiveSecs(config.tokenTtl().toSeconds() + 60);
        info.setRequiredClaims(Set.of("sub", "upn", "groups", "exp", "iat", "jti"));
        return info;
    }
}
