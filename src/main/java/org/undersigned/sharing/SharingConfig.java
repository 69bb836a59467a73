package org.undersigned.sharing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "undersigned.sharing")
public interface SharingConfig {

    /** How often at most a letter's share image is drawn again for a changed count. */
    @WithDefault("60s")
    Duration imageRefreshEvery();
}
