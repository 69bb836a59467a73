package org.undersigned.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token is a session: it works only while its session row (by token id) is live, so signing
 * out ends it on every instance. An account can also be deactivated or change role in the
 * meantime: the account and session are looked up on every authenticated request, and the
 * account's current role, not the one in the token, decides what it may do.
 */
@ApplicationScoped
public class ActiveAccountAugmentor implements SecurityIdentityAugmentor {

    public static final String ACCOUNT_ATTRIBUTE = "undersigned.account";

    @Inject
    AccountService accounts;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            long id;
            try {
                id = Long.parseLong(jwt.getSubject());
            } catch (NumberFormatException e) {
                throw new AuthenticationFailedException("token subject is not an account");
            }
            Account account = accounts.activeAccount(id, jwt.getTokenID())
                    .orElseThrow(() -> new AuthenticationFailedException("account missing or deactivated, or session ended"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(jwt)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(ACCOUNT_ATTRIBUTE, new SignedInAdmin(account.id, account.email, account.displayName, account.role))
                    .addRole(account.role.name())
                    .build();
        });
    }
}
