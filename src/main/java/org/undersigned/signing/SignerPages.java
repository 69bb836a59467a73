package org.undersigned.signing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.undersigned.web.FormErrors;
import org.undersigned.web.Option;

import java.util.List;

/** The pages of the sign-on flow and of self-service. */
@CheckedTemplate(basePath = "signing")
class SignerPages {

    /** Just enough about a letter to title a page and link back to it. */
    record LetterRef(String slug, String title, String addressees) {
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
}
