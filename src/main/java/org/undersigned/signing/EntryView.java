package org.undersigned.signing;

import org.undersigned.web.Countries;

/**
 * A signer's own entry as shown to the holder of its link: public and private details, and where
 * it stands. Never used on a public page.
 */
@io.quarkus.qute.TemplateData
public record EntryView(
        String kind,
        boolean organization,
        String displayName,
        String affiliation,
        String website,
        String city,
        String region,
        String country,
        String countryName,
        String orgTypeLabel,
        String contactName,
        String contactTitle,
        String email,
        String phone,
        boolean consentUpdates,
        String state,
        String stateLabel,
        String stateExplanation,
        String signedOn,
        String letterSlug,
        String letterTitle,
        int letterVersion,
        int currentVersion,
        boolean letterAcceptsSignatures) {

    /** The letter's text changed after this signature: the signer is asked to keep or withdraw it. */
    public boolean onEarlierVersion() {
        return letterVersion < currentVersion && !"WITHDRAWN".equals(state);
    }

    static EntryView of(Signature s, String signedOn, boolean letterAcceptsSignatures) {
        return new EntryView(
                s.kind().name(), s.isOrganization(), s.displayName(), s.affiliation(), s.website(), s.city(), s.region(),
                s.country(), Countries.name(s.country()), s.orgType() == null ? null : s.orgType().label,
                s.contactName(), s.contactTitle(), s.email(), s.phone(), s.consentUpdates(),
                s.state().name(), label(s.state()), explanation(s.state()), signedOn,
                s.letter().slug, s.letter().title, s.letterVersion(), s.letter().currentVersion(), letterAcceptsSignatures);
    }

    static String label(SignatureState state) {
        return switch (state) {
            case UNCONFIRMED -> "Waiting for you to confirm your email address";
            case PENDING_REVIEW -> "Waiting for review";
            case APPROVED -> "Approved and shown on the letter";
            case REJECTED -> "Not accepted";
            case DUPLICATE -> "Already on the letter under another entry";
            case WITHDRAWN -> "Withdrawn";
            case INVALIDATED -> "On hold";
        };
    }

    static String explanation(SignatureState state) {
        return switch (state) {
            case UNCONFIRMED -> "Follow the link in the email we sent you to confirm your signature.";
            case PENDING_REVIEW -> "The organizers check every signature before it appears on the letter. "
                    + "We will email you when yours has been reviewed.";
            case APPROVED -> "Your signature is on the public letter.";
            case REJECTED -> "The organizers did not add this signature to the letter. "
                    + "If you think that is a mistake, contact the coalition.";
            case DUPLICATE -> "The organizers found that this signer is already on the letter, so this entry is not shown twice.";
            case WITHDRAWN -> "Your signature is no longer on the letter.";
            case INVALIDATED -> "The organizers set this entry aside while they look into a flood of automated "
                    + "sign-ons. If you signed yourself, contact the coalition and they can restore it.";
        };
    }
}
