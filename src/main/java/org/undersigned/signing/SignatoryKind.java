package org.undersigned.signing;

/** Organizations are listed first; individuals after them, their affiliation for identification only. */
public enum SignatoryKind {
    ORGANIZATION, INDIVIDUAL
}
