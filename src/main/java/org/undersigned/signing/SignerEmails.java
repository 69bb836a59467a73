package org.undersigned.signing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.mail.OutgoingEmail;
import org.undersigned.web.Bidi;
import org.undersigned.web.Dates;
import org.undersigned.web.Language;
import org.undersigned.web.Languages;
import org.undersigned.web.Msg;
import org.undersigned.web.SiteConfig;


/** The emails a signer receives, queued in the outbox of the current transaction. */
@ApplicationScoped
public class SignerEmails {

    @CheckedTemplate(basePath = "signing/email")
    static class Templates {
        static native TemplateInstance confirm(String greeting, String letterTitle, String signingAs, String link,
                                               String expires, boolean again);

        static native TemplateInstance alreadySigned(String greeting, String letterTitle, String signingAs,
                                                     String link, String state);

        static native TemplateInstance freshLink(String greeting, String letterTitle, String signingAs, String link,
                                                 String expires);

        static native TemplateInstance approved(String greeting, String letterTitle, String signingAs, String link,
                                                String letterUrl);

        static native TemplateInstance rejected(String greeting, String letterTitle, String signingAs, String reason,
                                                String coalition, String contact);

        static native TemplateInstance campaignUpdate(String greeting, String letterTitle, String signingAs,
                                                      String body, String letterUrl, String unsubscribeUrl);

        static native TemplateInstance textChanged(String greeting, String letterTitle, String signingAs,
                                                   int signedVersion, int currentVersion, String summary, String link,
                                                   String letterUrl);
    }

    @Inject
    Outbox outbox;

    @Inject
    SiteConfig site;

    @Inject
    UpdateSubscriptions subscriptions;

    @Inject
    Dates dates;

    @Inject
    Languages languages;

    @Inject
    org.undersigned.letter.LetterTexts texts;

    /** An email written but not yet queued: the sign-on inserts it in the same statement as the signature. */
    public record Draft(String kind, String recipient, String subject, String body) {
    }

    public void confirmation(Signature s, String token, boolean again) {
        Draft d = confirmationDraft(s, s.letter().title, token, again);
        outbox.enqueue(MailPriority.LINK, d.kind(), d.recipient(), d.subject(), d.body(), s.id());
    }

    /** Written in the signer's language; {@code letterTitle} is the title as they read it. */
    public Draft confirmationDraft(Signature s, String letterTitle, String token, boolean again) {
        Language l = s.language();
        String body = in(l, Templates.confirm(greeting(s), title(letterTitle), signingAs(s), confirmUrl(token),
                dates.dateTime(s.confirmExpiresAt(), l), again));
        return new Draft("signing.confirm", s.email(), msg(s).email_confirm_subject(letterTitle), body);
    }

    /** Someone signed again with the same address and organization: tell the owner, privately. */
    public void alreadySigned(Signature s, String manageToken) {
        String body = in(s.language(), Templates.alreadySigned(greeting(s), title(s), signingAs(s), manageUrl(manageToken),
                EntryView.label(s.state(), msg(s))));
        outbox.enqueue(MailPriority.LINK, "signing.already-signed", s.email(), msg(s).email_already_subject(titleText(s)), body, s.id());
    }

    public void freshManageLink(Signature s, String manageToken) {
        String body = in(s.language(), Templates.freshLink(greeting(s), title(s), signingAs(s), manageUrl(manageToken),
                dates.dateTime(s.manageExpiresAt(), s.language())));
        outbox.enqueue(MailPriority.LINK, "signing.fresh-link", s.email(), msg(s).email_fresh_subject(titleText(s)), body, s.id());
    }

    public void approved(Signature s, String manageToken) {
        String body = in(s.language(), Templates.approved(greeting(s), title(s), signingAs(s), manageUrl(manageToken),
                letterUrl(s)));
        outbox.enqueue(MailPriority.NOTICE, "signing.approved", s.email(), msg(s).email_approved_subject(titleText(s)), body, s.id());
    }

    public void rejected(Signature s, String reason) {
        String body = in(s.language(), Templates.rejected(greeting(s), title(s), signingAs(s), reason,
                Bidi.isolate(s.letter().coalitionName), s.letter().coalitionContact));
        outbox.enqueue(MailPriority.NOTICE, "signing.rejected", s.email(), msg(s).email_rejected_subject(titleText(s)), body, s.id());
    }

    public void textChanged(Signature s, String summary, String manageToken) {
        String body = in(s.language(), Templates.textChanged(greeting(s), title(s), signingAs(s), s.letterVersion(),
                s.letter().currentVersion(), summary, manageUrl(manageToken), letterUrl(s)));
        outbox.enqueue(MailPriority.NOTICE, "signing.text-changed", s.email(), msg(s).email_changed_subject(titleText(s)), body, s.id());
    }

    /**
     * A campaign update (or a victory, or news of the delivery) for one signer who asked for
     * updates, as part of a mailing: bulk priority, with one-click unsubscribe. The frame is in the
     * signer's language; the editor's text is as the editor wrote it.
     */
    public OutgoingEmail campaignUpdate(UpdateRecipients.Recipient r, long mailingId, String letterTitle, String letterSlug,
                                        String subject, String body) {
        String unsubscribe = subscriptions.unsubscribeUrl(r.signatureId());
        String text = in(r.language(), Templates.campaignUpdate(r.greeting(), title(letterTitle), r.signingAs(), body,
                site.publicUrl() + "/letters/" + letterSlug + "?lang=" + r.language().tag(), unsubscribe));
        return OutgoingEmail.of(MailPriority.BULK, "mailing.update", r.email(), subject, text)
                .aboutSignature(r.signatureId()).inMailing(mailingId, unsubscribe);
    }

    private static String in(Language language, TemplateInstance email) {
        return email.setLocale(language.locale()).render();
    }

    private Msg msg(Signature s) {
        return languages.msg(s.language());
    }

    /** The letter's title as the signer read it: its translation into their language when there is a current one. */
    private String titleText(Signature s) {
        return s.letter().state() == org.undersigned.letter.LetterState.DRAFT || s.letter().currentVersion() == null ? s.letter().title
                : texts.text(s.letter(), s.textLanguage().orElse(s.language())).title();
    }

    private String title(Signature s) {
        return title(titleText(s));
    }

    private static String title(String letterTitle) {
        return Bidi.isolate(letterTitle);
    }

    private String letterUrl(Signature s) {
        return site.publicUrl() + "/letters/" + s.letter().slug + "?lang=" + s.textLanguage().orElse(s.language()).tag();
    }

    public String confirmUrl(String token) {
        return site.publicUrl() + "/confirm/" + token;
    }

    public String manageUrl(String token) {
        return site.publicUrl() + "/manage/" + token;
    }

    private static String greeting(Signature s) {
        return Bidi.isolate(s.isOrganization() ? s.contactName() : s.displayName());
    }

    private String signingAs(Signature s) {
        return s.isOrganization() ? msg(s).email_on_behalf(Bidi.isolate(s.displayName())) : msg(s).email_as_individual();
    }
}
