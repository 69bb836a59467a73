package org.undersigned.signing;

import io.quarkus.qute.TemplateData;
import org.undersigned.letter.Letter;
import org.undersigned.web.Countries;
import org.undersigned.web.FormErrors;
import org.undersigned.web.Option;
import org.undersigned.web.Msg;
import org.undersigned.web.PageLanguage;

import java.util.Arrays;
import java.util.List;

/** Everything the sign-on form needs to render, blank or coming back with errors. */
@TemplateData
public record SignOnFormView(String slug, SignOnInput input, FormErrors errors, boolean allowOrganizations,
                             boolean allowIndividuals, List<Option> countries, List<Option> orgTypes, String stamp,
                             SignOnChoices choices, List<Option> categories, String partnerName,
                             PageLanguage language) {

    /** The hidden field that only automated form fillers see and fill in. */
    public static final String HONEYPOT = "referenceCode";

    /**
     * @param stamp    the signed time the form is served (see {@link org.undersigned.abuse.FormStamps})
     * @param language the page's languages: the form's labels, lists and the {@code lang} it posts back
     */
    public static SignOnFormView blank(Letter letter, String requestedKind, String stamp, Msg msg, PageLanguage language) {
        return blank(letter, requestedKind, stamp, SignOnChoices.none(), msg, language);
    }

    /** A blank form; {@code choices} carries the partner of the link it was opened from, if any. */
    public static SignOnFormView blank(Letter letter, String requestedKind, String stamp, SignOnChoices choices, Msg msg,
                                       PageLanguage language) {
        return of(letter, SignOnInput.blank(kindFor(letter, requestedKind)), FormErrors.none(), stamp, choices, msg, language);
    }

    public static SignOnFormView of(Letter letter, SignOnInput input, FormErrors errors, String stamp, Msg msg,
                                    PageLanguage language) {
        return of(letter, input, errors, stamp, SignOnChoices.none(), msg, language);
    }

    /** The partner is named only when the code is one of this letter's; otherwise the form carries none. */
    public static SignOnFormView of(Letter letter, SignOnInput input, FormErrors errors, String stamp, SignOnChoices choices,
                                    Msg msg, PageLanguage language) {
        var partner = choices.partner() == null ? java.util.Optional.<org.undersigned.letter.LetterPartner>empty()
                : org.undersigned.letter.LetterPartner.byCode(letter.id, choices.partner());
        SignOnChoices kept = partner.isPresent() ? choices
                : new SignOnChoices(null, false, choices.category(), choices.sortName());
        List<Option> categories = org.undersigned.letter.LetterCategory.ofLetter(letter.id).stream()
                .map(c -> new Option(String.valueOf(c.id()), c.name())).toList();
        return new SignOnFormView(letter.slug, input, errors, letter.organizationsMaySign, letter.individualsMaySign,
                Countries.options(language.ui()), orgTypes(msg), stamp, kept, categories,
                partner.map(org.undersigned.letter.LetterPartner::name).orElse(null), language);
    }

    static List<Option> orgTypes(Msg msg) {
        return Arrays.stream(OrgType.values()).map(t -> new Option(t.name(), t.label(msg))).toList();
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
