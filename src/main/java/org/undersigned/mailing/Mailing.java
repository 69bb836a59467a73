package org.undersigned.mailing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.undersigned.web.IllegalTransitionException;

import java.time.Instant;

/**
 * One email to a letter's signers who asked for updates. Written as a draft, tested, then sent
 * once an editor confirms the exact number of recipients; recipients are the entries up to the
 * newest one at that moment. Its state only changes through the methods below.
 */
@Entity
@Table(name = "mailing")
public class Mailing extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "mailing_seq", sequenceName = "mailing_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_seq")
    private Long id;

    private long letterId;

    @Enumerated(EnumType.STRING)
    private MailingKind kind;

    private Long campaignUpdateId;
    private String subject;
    private String bodyText;

    @Enumerated(EnumType.STRING)
    private MailingState state = MailingState.DRAFT;

    private Long recipients;
    private Long upToSignatureId;
    private long queued;
    private Long jobId;
    private Long createdBy;
    private Instant createdAt;
    private Long confirmedBy;
    private Instant confirmedAt;
    private Instant finishedAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Mailing() {
    }

    static Mailing draft(long letterId, MailingKind kind, Long updateId, String subject, String body, Long createdBy) {
        Mailing m = new Mailing();
        m.letterId = letterId;
        m.kind = kind;
        m.campaignUpdateId = updateId;
        m.subject = subject;
        m.bodyText = body;
        m.createdBy = createdBy;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        return m;
    }

    void rewrite(String subject, String body) {
        if (state != MailingState.DRAFT) {
            throw new IllegalTransitionException("mailing", state, MailingState.DRAFT);
        }
        this.subject = subject;
        this.bodyText = body;
        updatedAt = Instant.now();
    }

    /** The editor confirmed: the recipients are fixed as those up to {@code upToSignatureId}. */
    void startSending(long recipients, long upToSignatureId, long jobId, Long confirmedBy) {
        moveTo(MailingState.SENDING);
        this.recipients = recipients;
        this.upToSignatureId = upToSignatureId;
        this.jobId = jobId;
        this.confirmedBy = confirmedBy;
        confirmedAt = Instant.now();
        updatedAt = confirmedAt;
    }

    void queuedMore(long count) {
        queued += count;
        updatedAt = Instant.now();
    }

    void allQueued() {
        moveTo(MailingState.SENT);
        finishedAt = Instant.now();
        updatedAt = finishedAt;
    }

    void cancel() {
        moveTo(MailingState.CANCELLED);
        finishedAt = Instant.now();
        updatedAt = finishedAt;
    }

    private void moveTo(MailingState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("mailing", state, target);
        }
        state = target;
    }

    public Long id() {
        return id;
    }

    public long letterId() {
        return letterId;
    }

    public MailingKind kind() {
        return kind;
    }

    public Long campaignUpdateId() {
        return campaignUpdateId;
    }

    public String subject() {
        return subject;
    }

    public String bodyText() {
        return bodyText;
    }

    public MailingState state() {
        return state;
    }

    public Long recipients() {
        return recipients;
    }

    public Long upToSignatureId() {
        return upToSignatureId;
    }

    public long queued() {
        return queued;
    }

    public Long jobId() {
        return jobId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long version() {
        return version;
    }
}
