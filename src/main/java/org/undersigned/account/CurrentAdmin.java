package org.undersigned.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.undersigned.audit.Actor;

/** The signed-in admin of the current request. */
@RequestScoped
public class CurrentAdmin {

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    @Inject
    AuthConfig config;

    public SignedInAdmin get() {
        SignedInAdmin admin = identity.getAttribute(ActiveAccountAugmentor.ACCOUNT_ATTRIBUTE);
        if (admin == null) {
            throw new UnauthorizedException();
        }
        return admin;
    }

    public Actor actor() {
        return get().actor();
    }

    public Role role() {
        return get().role();
    }

    public AdminView view() {
        SignedInAdmin a = get();
        Cookie session = request.getCookie(config.cookieName());
        return new AdminView(a.email(), a.name(), a.role().name(), a.role().mayEditLetters(), a.role().mayVet(),
                a.role().mayManageAccounts(), Csrf.tokenFor(session == null ? null : session.getValue()));
    }
}
