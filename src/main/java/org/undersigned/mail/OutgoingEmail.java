package org.undersigned.mail;

/**
 * An email to queue. {@code signatureId} ties it to a signer (for their data export and erasure);
 * {@code unsubscribeUrl} makes it carry RFC 8058 one-click unsubscribe headers; {@code mailingId}
 * makes it part of a mailing, which reaches each signature once.
 */
public record OutgoingEmail(MailPriority priority, String kind, String recipient, String subject, String bodyText,
                            Long signatureId, String unsubscribeUrl, String replyTo, Long mailingId) {

    public static OutgoingEmail of(MailPriority priority, String kind, String recipient, String subject, String bodyText) {
        return new OutgoingEmail(priority, kind, recipient, subject, bodyText, null, null, null, null);
    }

    public OutgoingEmail aboutSignature(long id) {
        return new OutgoingEmail(priority, kind, recipient, subject, bodyText, id, unsubscribeUrl, replyTo, mailingId);
    }

    public OutgoingEmail withReplyTo(String address) {
        return new OutgoingEmail(priority, kind, recipient, subject, bodyText, signatureId, unsubscribeUrl, address, mailingId);
    }

    public OutgoingEmail inMailing(long mailing, String unsubscribe) {
        return new OutgoingEmail(priority, kind, recipient, subject, bodyText, signatureId, unsubscribe, replyTo, mailing);
    }
}
