package org.undersigned.signing;

import org.undersigned.web.Language;
import org.undersigned.web.Msg;

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
        boolean letterAcceptsSignatures,
        /* The signer's language (the page's), and the language and direction of the letter's title. */
        String lang,
        String titleLang,
        String titleDir) {

    /** The letter's text changed after this signature: the signer is asked to keep or withdraw it. */
    public boolean onEarlierVersion() {
        return letterVersion < currentVersion && !"WITHDRAWN".equals(state);
    }

    /** The entry as its signer reads it: labels, country and kind in their language ({@code lang}, {@code dir}). */
    static EntryView of(Signature s, String signedOn, boolean letterAcceptsSignatures, Msg msg, Language language) {
        return new EntryView(
                s.kind().name(), s.isOrganization(), s.displayName(), s.affiliation(), s.website(), s.city(), s.region(),
                s.country(), Countries.name(s.country(), language), s.orgType() == null ? null : s.orgType().label(msg),
                s.contactName(), s.contactTitle(), s.email(), s.phone(), s.consentUpdates(),
                s.state().name(), label(s.state(), msg), explanation(s.state(), msg), signedOn,
                s.letter().slug, s.letter().title, s.letterVersion(), s.letter().currentVersion(), letterAcceptsSignatures,
                language.tag(), s.letter().language().tag(), s.letter().language().dir());
    }

    static String label(SignatureState state, Msg msg) {
        return switch (state) {
            case UNCONFIRMED -> msg.state_label_UNCONFIRMED();
            case PENDING_REVIEW -> msg.state_label_PENDING_REVIEW();
            case APPROVED -> msg.state_label_APPROVED();
            case REJECTED -> msg.state_label_REJECTED();
            case DUPLICATE -> msg.state_label_DUPLICATE();
            case WITHDRAWN -> msg.state_label_WITHDRAWN();
            case INVALIDATED -> msg.state_label_INVALIDATED();
        };
    }

    static String explanation(SignatureState state, Msg msg) {
        return switch (state) {
            case UNCONFIRMED -> msg.state_explain_UNCONFIRMED();
            case PENDING_REVIEW -> msg.state_explain_PENDING_REVIEW();
            case APPROVED -> msg.state_explain_APPROVED();
            case REJECTED -> msg.state_explain_REJECTED();
            case DUPLICATE -> msg.state_explain_DUPLICATE();
            case WITHDRAWN -> msg.state_explain_WITHDRAWN();
            case INVALIDATED -> msg.state_explain_INVALIDATED();
        };
    }
}
