package org.undersigned.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A record that the letter was emailed to its addressees: when, to whom, with which Message-ID. */
@Entity
@Table(name = "letter_delivery")
public class LetterDelivery extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_delivery_seq", sequenceName = "letter_delivery_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_delivery_seq")
    private Long id;

    private long letterId;
    private String recipients;
    private long outboxEmailId;
    private String messageId;
    private long signatories;
    private int textVersion;
    private Long sentBy;
    private Instant createdAt;

    protected LetterDelivery() {
    }

    static LetterDelivery record(long letterId, String recipients, long outboxEmailId, String messageId,
                                 long signatories, int textVersion, Long sentBy, Instant now) {
        LetterDelivery d = new LetterDelivery();
        d.letterId = letterId;
        d.recipients = recipients;
        d.outboxEmailId = outboxEmailId;
        d.messageId = messageId;
        d.signatories = signatories;
        d.textVersion = textVersion;
        d.sentBy = sentBy;
        d.createdAt = now;
        return d;
    }

    static List<LetterDelivery> forLetter(long letterId) {
        return list("letterId = ?1 order by id desc", letterId);
    }

    public Long id() {
        return id;
    }

    public String recipients() {
        return recipients;
    }

    public long outboxEmailId() {
        return outboxEmailId;
    }

    public String messageId() {
        return messageId;
    }

    public long signatories() {
        return signatories;
    }

    public int textVersion() {
        return textVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
