package org.undersigned.letter;

/**
 * Fired inside a transaction that changed what a letter's public pages show (its text,
 * settings, updates, state, or its approved list). Observers act after commit.
 */
public record PublicPageChanged(long letterId) {
}
