package org.undersigned.dev;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.undersigned.web.SiteConfig;

/** In dev mode, says where to look once the app is up. */
@ApplicationScoped
public class DevBanner {

    @Inject
    SiteConfig site;

    @Inject
    org.undersigned.account.AuthConfig auth;

    void onStart(@Observes StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("dev")) {
            return;
        }
        Log.infof("""

                  Undersigned is up:        %1$s
                  Demo letter:              %1$s/letters/%2$s
                  Dev mailbox (all email):  %1$s/dev/mail
                  Admin sign-in:            %1$s/admin  as %3$s / %4$s
                """, site.publicUrl(), DemoData.DEMO_SLUG, auth.firstAdmin().email().orElse("(none)"),
                auth.firstAdmin().password().orElse("(none)"));
    }
}
