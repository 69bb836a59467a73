package org.undersigned.letter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "undersigned.letter")
public interface LetterConfig {

    /** How many signatories the letter page lists before linking to the full list. */
    @WithDefault("300")
    int inlineSignatories();

    /** Signatories per page of the full, searchable list. */
    @WithDefault("100")
    int pageSize();

    /** How often open letters are checked for a passed deadline. */
    @WithDefault("30s")
    Duration deadlineCheckEvery();

    /** How often each instance reloads its directory of public letters (slugs, states, versions). */
    @WithDefault("1s")
    String directoryRefreshEvery();

    /** How long a delivered letter stays on the home page. */
    @WithDefault("180d")
    Duration recentlyDeliveredFor();
}
