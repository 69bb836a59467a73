package org.undersigned.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

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

    public boolean isSent() {
        return sentAt != null;
    }
}
