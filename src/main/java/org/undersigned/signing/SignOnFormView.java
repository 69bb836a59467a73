package org.undersigned.signing;

import io.quarkus.qute.TemplateData;
import org.undersigned.letter.Letter;
import org.undersigned.web.Countries;
import org.undersigned.web.FormErrors;
import org.undersigned.web.Option;

import java.util.Arrays;
import java.util.List;

/** Everything the sign-on form needs to render, blank or coming back with errors. */
@TemplateData
public record SignOnFormView(String slug, SignOnInput input, FormErrors errors, boolean allowOrganizations,
                             boolean allowIndividuals, List<Option> countries, List<Option> orgTypes, String stamp,
                             SignOnChoices choices, List<Option> categories, String partnerName) {

    /** The hidden field that only automated form fillers see and fill in. */
    public static final String HONEYPOT = "referenceCode";

    private static final List<Option> ORG_TYPES = Arrays.stream(OrgType.values())
            .map(t -> new Option(t.name(), t.label)).toList();

    /** @param stamp the signed time the form is served (see {@link org.undersigned.abuse.FormStamps}) */
    public static SignOnFormView blank(Letter letter, String requestedKind, String stamp) {
        return blank(letter, requestedKind, stamp, SignOnChoices.none());
    }

    /** A blank form; {@code choices} carries the partner of the link it was opened from, if any. */
    public static SignOnFormView blank(Letter letter, String requestedKind, String stamp, SignOnChoices choices) {
        return of(letter, SignOnInput.blank(kindFor(letter, requestedKind)), FormErrors.none(), stamp, choices);
    }

    public static SignOnFormView of(Letter letter, SignOnInput input, FormErrors errors, String stamp) {
        return of(letter, input, errors, stamp, SignOnChoices.none());
    }

    /** The partner is named only when the code is one of this letter's; otherwise the form carries none. */
    public static SignOnFormView of(Letter letter, SignOnInput input, FormErrors errors, String stamp, SignOnChoices choices) {
        var partner = choices.partner() == null ? java.util.Optional.<org.undersigned.letter.LetterPartner>empty()
                : org.undersigned.letter.LetterPartner.byCode(letter.id, choices.partner());
        SignOnChoices kept = partner.isPresent() ? choices
                : new SignOnChoices(null, false, choices.category(), choices.sortName());
        List<Option> categories = org.undersigned.letter.LetterCategory.ofLetter(letter.id).stream()
                .map(c -> new Option(String.valueOf(c.id()), c.name())).toList();
        return new SignOnFormView(letter.slug, input, errors, letter.organizationsMaySign, letter.individualsMaySign,
                Countries.options(), ORG_TYPES, stamp, kept, categories,
                partner.map(org.undersigned.letter.LetterPartner::name).orElse(null));
    }

    /** The query that keeps the partner on the form's other links (switching kind). */
    public String partnerQuery() {
        return choices.partner() == null ? "" : "partner=" + choices.partner();
    }

    public String honeypot() {
        return HONEYPOT;
    }

    /** The kind asked for in the URL if the letter allows it, otherwise the one it does. */
    static SignatoryKind kindFor(Letter letter, String requested) {
        if ("individual".equalsIgnoreCase(requested) && letter.individualsMaySign) {
            return SignatoryKind.INDIVIDUAL;
        }
        return letter.organizationsMaySign ? SignatoryKind.ORGANIZATION : SignatoryKind.INDIVIDUAL;
    }

    public boolean asIndividual() {
        return input.isIndividual();
    }

    public boolean canSwitch() {
        return allowOrganizations && allowIndividuals;
    }
}
