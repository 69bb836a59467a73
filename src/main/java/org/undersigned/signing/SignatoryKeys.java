package org.undersigned.signing;

import org.undersigned.infra.EmailAddresses;

/**
 * The keys derived from a signatory's details, computed here and nowhere else: the sort key of
 * the public list, the duplicate key of an organization's name (individuals have none, so one
 * address signs once as a person), the website's identifying domain and the normalized email.
 * {@link Signature} stores them; an import uses them to find duplicates before anything is
 * stored.
 */
public record SignatoryKeys(String sortKey, String nameKey, String websiteDomain, String emailNormalized) {

    /** For details already cleaned: {@code website} normalized (see {@link Websites#normalize}). */
    static SignatoryKeys of(SignatoryKind kind, String displayName, String normalizedWebsite, String email) {
        return new SignatoryKeys(NameKeys.sortKey(displayName), nameKey(kind, displayName),
                Websites.identifyingDomain(normalizedWebsite), email == null ? null : EmailAddresses.normalize(email));
    }

    /** The keys a validated sign-on or import row would get. */
    public static SignatoryKeys of(SignOnInput input) {
        return of(input.signatoryKind().orElseThrow(), input.displayName(),
                Websites.normalize(input.website()).orElse(null), input.email());
    }

    /** The duplicate key of a name: only organizations have one. */
    static String nameKey(SignatoryKind kind, String displayName) {
        return kind == SignatoryKind.ORGANIZATION ? NameKeys.nameKey(displayName) : "";
    }
}
