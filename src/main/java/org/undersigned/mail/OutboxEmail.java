package org.undersigned.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.undersigned.web.IllegalTransitionException;

import java.time.Instant;

/**
 * An email waiting to be sent, written in the same transaction as the change that caused it.
 * Once delivered, its recipient and body are erased (the body holds live links); the row stays
 * as a record that the email went out.
 */
@Entity
@Table(name = "outbox_email")
public class OutboxEmail extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "outbox_email_seq", sequenceName = "outbox_email_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_email_seq")
    public Long id;

    public String kind;
    public String recipient;
    public String subject;
    public String bodyText;
    public String bodyHtml;
    public Instant createdAt;
    public Instant nextAttemptAt;
    public int attempts;
    public String lastError;
    public Instant sentAt;
    public Instant failedAt;
    /** The signature this email is about, if any. */
    public Long signatureId;

    @Enumerated(EnumType.STRING)
    private OutboxState state = OutboxState.QUEUED;
    /** {@link MailPriority#level()}: lower goes first. */
    public short priority = (short) MailPriority.NOTICE.level();
    public Instant bouncedAt;
    /** The last failure's SMTP reply code and enhanced status, e.g. "550 5.1.1". */
    public String smtpReply;
    public String unsubscribeUrl;
    public String replyTo;
    public Long mailingId;

    public boolean isSent() {
        return state == OutboxState.SENT;
    }

    public OutboxState state() {
        return state;
    }

    /** An admin sends a given-up email again: it is queued as new, its attempts counted from zero. */
    public void retry(Instant now) {
        if (!state.canMoveTo(OutboxState.QUEUED) || state == OutboxState.QUEUED) {
            throw new IllegalTransitionException("email", state, OutboxState.QUEUED);
        }
        state = OutboxState.QUEUED;
        attempts = 0;
        failedAt = null;
        nextAttemptAt = now;
    }
}
