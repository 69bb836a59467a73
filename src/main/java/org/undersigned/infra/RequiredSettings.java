package org.undersigned.infra;

import io.smallrye.config.ConfigMapping;

/**
 * Settings Quarkus itself treats as optional but Undersigned cannot run without. Being required
 * here, a missing one stops start-up while the configuration is read (before any connection is
 * attempted), with a message naming it. Each refers to the real setting (see application.properties).
 */
@ConfigMapping(prefix = "undersigned.required")
public interface RequiredSettings {

    /** {@code quarkus.datasource.username} (or {@code undersigned.db.username}). */
    String databaseUsername();

    /** {@code quarkus.datasource.password} (or {@code undersigned.db.password}). */
    String databasePassword();
}
