package org.undersigned.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "undersigned.signing")
public interface SigningConfig {

    /** How long a confirmation link works. */
    @WithDefault("48h")
    Duration confirmLinkTtl();

    /** How long a self-service link works; a fresh one can be requested at any time. */
    @WithDefault("180d")
    Duration manageLinkTtl();
}
