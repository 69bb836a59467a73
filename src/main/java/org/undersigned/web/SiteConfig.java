package org.undersigned.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "undersigned.site")
public interface SiteConfig {

    /** The address people use to reach the site, without a trailing slash; links in emails start with it. */
    String publicUrl();

    /** Dates and deadlines are shown in this zone. */
    @WithDefault("UTC")
    ZoneId timeZone();
}
