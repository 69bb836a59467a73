package org.undersigned.signing;

import org.undersigned.web.Language;
import org.undersigned.web.PageLanguage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.undersigned.web.FormErrors;
import org.undersigned.web.Option;

import java.util.List;

/** The pages of the sign-on flow and of self-service. */
@CheckedTemplate(basePath = "signing")
class SignerPages {

    /** Just enough about a letter to title a page and link back to it. */
    /** {@code lang}/{@code dir}: the title's language; {@code language}: the page's. */
    record LetterRef(String slug, String title, String addressees, String lang, String dir, PageLanguage language) {
    }

    record SignPage(LetterRef letter, boolean accepting, String closedMessage, SignOnFormView form) {
    }

    static native TemplateInstance form(SignPage page);

    /** @param partnerName the partner whose link the signer came through, or null */
    static native TemplateInstance signed(LetterRef letter, String partnerName);

    static native TemplateInstance confirm(String token, EntryView entry);

    static native TemplateInstance linkProblem(String renewAction, SignerLink link);

    static native TemplateInstance manage(String token, EntryView entry, CorrectionInput input, FormErrors errors,
                                          String notice, List<Option> countries);

    static native TemplateInstance renewed();


    static native TemplateInstance linkRequest(LetterRef letter, String email, boolean sent);

    /** The language of a page reached by a signer's link: the one they signed in. */
    static TemplateInstance in(Language language, TemplateInstance page) {
        return page.setLocale(language.locale());
    }
}
