package org.undersigned.signing;

import org.undersigned.web.Language;

import org.undersigned.web.Countries;
import org.undersigned.web.FormErrors;

/**
 * The signer's self-service page for other features that add actions to it (privacy's erase
 * form), so they can show it again with their message without reaching into signing's templates.
 */
public final class ManagePage {

    private ManagePage() {
    }

    public static String withError(String token, EntryView e, String field, String message) {
        return SignerPages.manage(token, e,
                new CorrectionInput(e.displayName(), e.website(), e.city(), e.region(), e.country(), e.affiliation()),
                FormErrors.none().add(field, message), null, Countries.options(new Language(e.lang())))
                .setLocale(new Language(e.lang()).locale()).render();
    }
}
