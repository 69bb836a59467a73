package org.undersigned.account;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Creates the first admin from UNDERSIGNED_AUTH_FIRST_ADMIN_EMAIL and
 * UNDERSIGNED_AUTH_FIRST_ADMIN_PASSWORD at start-up, once: an existing account is never changed.
 * The dev profile sets a known pair, printed by the dev banner.
 */
@ApplicationScoped
public class FirstAdmin {

    @Inject
    AuthConfig config;

    @Inject
    AccountService accounts;

    @Inject
    JwtKeys keys; // fail at start-up, not at first sign-in, when keys are missing

    void onStart(@Observes StartupEvent event) {
        var first = config.firstAdmin();
        if (first.email().isPresent() && first.password().isPresent()) {
            if (accounts.ensureFirstAdmin(first.email().get(), first.name(), first.password().get())) {
                Log.infof("Created the first admin account %s", first.email().get());
            }
        }
    }
}
