package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** The one way the application sends email: queue it inside the transaction that causes it. */
@ApplicationScoped
public class Outbox {

    /** Must join the caller's transaction: the email exists exactly when the change does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEmail enqueue(String kind, String recipient, String subject, String bodyText) {
        return enqueue(kind, recipient, subject, bodyText, null);
    }

    /** @param signatureId the signature the email is about, so the signer's data export and erasure find it */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEmail enqueue(String kind, String recipient, String subject, String bodyText, Long signatureId) {
        Instant now = Instant.now();
        OutboxEmail email = new OutboxEmail();
        email.kind = kind;
        email.recipient = recipient;
        email.subject = subject;
        email.bodyText = bodyText;
        email.signatureId = signatureId;
        email.createdAt = now;
        email.nextAttemptAt = now;
        email.persist();
        return email;
    }
}
