package org.undersigned.signing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.mail.OutgoingEmail;
import org.undersigned.web.Dates;
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

    /** An email written but not yet queued: the sign-on inserts it in the same statement as the signature. */
    public record Draft(String kind, String recipient, String subject, String body) {
    }

    public void confirmation(Signature s, String token, boolean again) {
        Draft d = confirmationDraft(s, s.letter().title, token, again);
        outbox.enqueue(MailPriority.LINK, d.kind(), d.recipient(), d.subject(), d.body(), s.id());
    }

    public Draft confirmationDraft(Signature s, String letterTitle, String token, boolean again) {
        String body = Templates.confirm(greeting(s), letterTitle, signingAs(s), confirmUrl(token),
                dates.dateTime(s.confirmExpiresAt()), again).render();
        return new Draft("signing.confirm", s.email(), "Please confirm your signature: " + letterTitle, body);
    }

    /** Someone signed again with the same address and organization: tell the owner, privately. */
    public void alreadySigned(Signature s, String manageToken) {
        String body = Templates.alreadySigned(greeting(s), s.letter().title, signingAs(s), manageUrl(manageToken),
                EntryView.label(s.state())).render();
        outbox.enqueue(MailPriority.LINK, "signing.already-signed", s.email(), "You have already signed: " + s.letter().title, body, s.id());
    }

    public void freshManageLink(Signature s, String manageToken) {
        String body = Templates.freshLink(greeting(s), s.letter().title, signingAs(s), manageUrl(manageToken),
                dates.dateTime(s.manageExpiresAt())).render();
        outbox.enqueue(MailPriority.LINK, "signing.fresh-link", s.email(), "Your link to manage your signature: " + s.letter().title, body, s.id());
    }

    public void approved(Signature s, String manageToken) {
        String body = Templates.approved(greeting(s), s.letter().title, signingAs(s), manageUrl(manageToken),
                letterUrl(s)).render();
        outbox.enqueue(MailPriority.NOTICE, "signing.approved", s.email(), "Your signature is on the letter: " + s.letter().title, body, s.id());
    }

    public void rejected(Signature s, String reason) {
        String body = Templates.rejected(greeting(s), s.letter().title, signingAs(s), reason, s.letter().coalitionName,
                s.letter().coalitionContact).render();
        outbox.enqueue(MailPriority.NOTICE, "signing.rejected", s.email(), "About your signature on: " + s.letter().title, body, s.id());
    }

    public void textChanged(Signature s, String summary, String manageToken) {
        String body = Templates.textChanged(greeting(s), s.letter().title, signingAs(s), s.letterVersion(),
                s.letter().currentVersion(), summary, manageUrl(manageToken), letterUrl(s)).render();
        outbox.enqueue(MailPriority.NOTICE, "signing.text-changed", s.email(), "The letter you signed has changed: " + s.letter().title, body, s.id());
    }

    /**
     * A campaign update (or a victory, or news of the delivery) for one signer who asked for
     * updates, as part of a mailing: bulk priority, with one-click unsubscribe.
     */
    public OutgoingEmail campaignUpdate(UpdateRecipients.Recipient r, long mailingId, String letterTitle, String letterSlug,
                                        String subject, String body) {
        String unsubscribe = subscriptions.unsubscribeUrl(r.signatureId());
        String text = Templates.campaignUpdate(r.greeting(), letterTitle, r.signingAs(), body,
                site.publicUrl() + "/letters/" + letterSlug, unsubscribe).render();
        return OutgoingEmail.of(MailPriority.BULK, "mailing.update", r.email(), subject, text)
                .aboutSignature(r.signatureId()).inMailing(mailingId, unsubscribe);
    }

    private String letterUrl(Signature s) {
        return site.publicUrl() + "/letters/" + s.letter().slug;
    }

    public String confirmUrl(String token) {
        return site.publicUrl() + "/confirm/" + token;
    }

    public String manageUrl(String token) {
        return site.publicUrl() + "/manage/" + token;
    }

    private static String greeting(Signature s) {
        return s.isOrganization() ? s.contactName() : s.displayName();
    }

    private static String signingAs(Signature s) {
        return s.isOrganization() ? "on behalf of " + s.displayName() : "as an individual";
    }
}
