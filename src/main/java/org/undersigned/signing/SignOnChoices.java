package org.undersigned.signing;

import io.quarkus.qute.TemplateData;
import org.undersigned.web.PlainText;

/**
 * What a sign-on says beyond the signer's details (issue 13): the partner whose link brought
 * them (carried in the link and the form, never in a cookie), whether they agree to share their
 * contact details with that partner, the category they pick, and an individual's sort name.
 * Cleaned here; checked against the letter by {@link SignOnService}.
 */
@TemplateData
public record SignOnChoices(String partner, boolean shareWithPartner, String category, String sortName) {

    public static SignOnChoices none() {
        return new SignOnChoices(null, false, null, null);
    }

    /** From a link: only the partner is known. */
    public static SignOnChoices viaPartner(String partner) {
        return of(partner, false, null, null);
    }

    public static SignOnChoices of(String partner, boolean shareWithPartner, String category, String sortName) {
        String code = PlainText.line(partner);
        // A partner code is short and plain; anything else is not a partner (and not echoed back).
        if (code != null && (code.length() > 40 || !code.matches("^[a-z0-9]+(-[a-z0-9]+)*$"))) {
            code = null;
        }
        return new SignOnChoices(code, code != null && shareWithPartner, PlainText.line(category), PlainText.line(sortName));
    }
}
