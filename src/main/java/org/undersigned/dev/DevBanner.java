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

    void onStart(@Observes StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("dev")) {
            return;
        }
        Log.infof("""

                  Undersigned is up:        %1$s
                  Demo letter:              %1$s/letters/%2$s
                  Dev mailbox (all email):  %1$s/dev/mail
                """, site.publicUrl(), DemoData.DEMO_SLUG);
    }
}
