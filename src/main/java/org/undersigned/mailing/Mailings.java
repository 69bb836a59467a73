package org.undersigned.mailing;

import static org.undersigned.web.AdminText.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.jobs.Jobs;
import org.undersigned.letter.CampaignUpdate;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.signing.UpdateRecipients;
import org.undersigned.web.Dates;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.Languages;
import org.undersigned.web.ProblemException;
import org.undersigned.web.SiteConfig;

import java.util.List;
import java.util.Map;

/**
 * Mailings to a letter's signers: drafted from an update (or the news of a delivery or a
 * closing), tested on the editor's own address, then sent once the editor confirms the exact
 * number of recipients. The fan-out is a durable background job ({@link MailingFanOut}).
 */
@ApplicationScoped
public class Mailings {

    static final String FAN_OUT = "mailing.fan-out";
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_BODY = 20_000;

    /** A mailing with its progress, as pages and the API show it. */
    public record MailingView(long id, long letterId, String letterTitle, String letterSlug, MailingKind kind,
                              Long campaignUpdateId, String subject, String bodyText, MailingState state,
                              long recipientsNow, Long recipients, long queued, long sent, long waiting, long failed,
                              long bounced, String createdAt, String confirmedAt, String finishedAt, long version) {

        public boolean draft() {
            return state == MailingState.DRAFT;
        }

        public boolean sending() {
            return state == MailingState.SENDING;
        }
    }

    /** The recipients changed between the editor's look and their confirmation: nothing was sent. */
    public static class RecipientsChanged extends ProblemException {
        public final long now;

        RecipientsChanged(long expected, long now) {
            super(409, "recipients-changed", admin().mailing_recipients_changed_title(),
                    admin().mailing_recipients_changed(expected, now));
            this.now = now;
        }
    }

    static class NoSuchMailing extends ProblemException {
        NoSuchMailing() {
            super(404, "not-found", admin().mailing_not_found_title(), admin().mailing_not_found());
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Languages languages;

    @Inject
    UpdateRecipients recipients;

    @Inject
    Jobs jobs;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    SiteConfig site;

    @Inject
    Dates dates;

    /** A draft, its words taken from the update or from the letter's delivery or closing. */
    @Transactional
    public long draft(Actor actor, long letterId, MailingKind kind, Long updateId) {
        Letter letter = LetterService.require(letterId);
        String url = site.publicUrl() + "/letters/" + letter.slug;
        // One text goes to every signer, so it is in the letter's own language, like the update it carries.
        org.undersigned.web.Msg text = languages.msg(letter.language());
        String subject;
        String body;
        switch (kind) {
            case UPDATE -> {
                if (updateId == null) {
                    throw new InvalidInputException(FormErrors.none().add("update", admin().mailing_update_required()));
                }
                CampaignUpdate update = CampaignUpdate.findById(updateId);
                if (update == null || !update.letter.id.equals(letterId)) {
                    throw new InvalidInputException(FormErrors.none().add("update", admin().mailing_update_not_on_letter()));
                }
                subject = text.mailing_update_subject(letter.title);
                body = text.mailing_update_heading(update.postedOn.toString()) + "\n\n" + update.bodyMarkdown.strip()
                        + "\n\n" + text.mailing_read_letter(url);
            }
            case DELIVERED -> {
                subject = text.mailing_delivered_subject(letter.title);
                body = text.mailing_delivered(letter.deliveredAt() == null ? null : dates.date(letter.deliveredAt(), letter.language()),
                        letter.deliveredTo() == null || letter.deliveredTo().isBlank() ? null : letter.deliveredTo())
                        + "\n\n" + text.mailing_thanks(letter.coalitionName)
                        + "\n\n" + text.mailing_read_and_see_who_signed(url);
            }
            case CLOSED -> {
                subject = text.mailing_closed_subject(letter.title);
                body = text.mailing_closed() + "\n\n" + text.mailing_read_letter(url);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        Mailing mailing = Mailing.draft(letterId, kind, updateId, subject, body, actor.accountId());
        mailing.persist();
        audit.record(actor, "mailing.drafted", Subject.letter(letterId), null,
                AuditLog.values("mailing", mailing.id(), "kind", kind.name()));
        return mailing.id();
    }

    @Transactional
    public void rewrite(Actor actor, long id, String subject, String body) {
        FormErrors errors = FormErrors.none();
        if (subject == null || subject.isBlank()) {
            errors.add("subject", admin().mailing_subject_required());
        } else if (subject.strip().length() > MAX_SUBJECT) {
            errors.add("subject", admin().mailing_subject_too_long(MAX_SUBJECT));
        }
        if (body == null || body.isBlank()) {
            errors.add("body", admin().mailing_body_required());
        } else if (body.length() > MAX_BODY) {
            errors.add("body", admin().mailing_body_too_long(MAX_BODY));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Mailing m = require(id, true);
        m.rewrite(subject.strip(), body.strip());
        audit.record(actor, "mailing.edited", Subject.letter(m.letterId()), null, AuditLog.values("mailing", id));
    }

    /** One copy to the editor's own address, marked as a test; no unsubscribe link, no signer. */
    @Transactional
    public void sendTest(Actor actor, long id, String to) {
        Mailing m = require(id, false);
        Letter letter = LetterService.require(m.letterId());
        outbox.enqueue(MailPriority.NOTICE, "mailing.test", to, admin().mailing_test_subject(m.subject()),
                admin().mailing_test(letter.title, m.bodyText()));
        audit.record(actor, "mailing.tested", Subject.letter(m.letterId()), null, AuditLog.values("mailing", id));
    }

    /**
     * Sends to the recipients as they are now, if they are as many as the editor was shown.
     * Entries made after this moment are not included.
     */
    @Transactional
    public void send(Actor actor, long id, long expectedRecipients) {
        Mailing m = require(id, true);
        long upTo = recipients.newestEntry(m.letterId());
        long count = recipients.count(m.letterId(), upTo);
        if (count != expectedRecipients) {
            throw new RecipientsChanged(expectedRecipients, count);
        }
        long job = jobs.start(FAN_OUT, m.letterId(), Map.of("mailing", id), count, actor);
        m.startSending(count, upTo, job, actor.accountId());
        audit.record(actor, "mailing.sent", Subject.letter(m.letterId()), null,
                AuditLog.values("mailing", id, "recipients", count, "subject", m.subject()));
    }

    /** Stops a mailing: its fan-out ends, and emails of it not yet handed to the server are withdrawn. */
    @Transactional
    public void cancel(Actor actor, long id) {
        Mailing m = require(id, true);
        if (m.state() == MailingState.SENDING && m.jobId() != null) {
            Jobs.JobView job = jobs.view(m.jobId());
            if (!job.finished()) {
                jobs.cancel(m.jobId());
            }
        }
        m.cancel();
        int withdrawn = em.createNativeQuery("delete from outbox_email where mailing_id = ?1 and state = 'QUEUED'")
                .setParameter(1, id).executeUpdate();
        audit.record(actor, "mailing.cancelled", Subject.letter(m.letterId()), null,
                AuditLog.values("mailing", id, "withdrawn", withdrawn));
    }

    @Transactional
    public MailingView view(long id) {
        return view(require(id, false));
    }

    @Transactional
    public List<MailingView> forLetter(long letterId) {
        return Mailing.<Mailing>list("letterId = ?1 order by id desc", letterId).stream().map(this::view).toList();
    }

    /** The letter a mailing belongs to, for the permission check before anything else. */
    @Transactional
    public long letterOf(long id) {
        return require(id, false).letterId();
    }

    private MailingView view(Mailing m) {
        Letter letter = LetterService.require(m.letterId());
        Tuple counts = (Tuple) em.createNativeQuery("""
                        select count(*) filter (where state = 'SENT') as sent,
                               count(*) filter (where state = 'QUEUED') as waiting,
                               count(*) filter (where state = 'FAILED') as failed,
                               count(*) filter (where state = 'BOUNCED') as bounced
                        from outbox_email where mailing_id = ?1""", Tuple.class)
                .setParameter(1, m.id()).getSingleResult();
        long now = m.state() == MailingState.DRAFT ? recipients.count(m.letterId(), recipients.newestEntry(m.letterId())) : 0;
        return new MailingView(m.id(), m.letterId(), letter.title, letter.slug, m.kind(), m.campaignUpdateId(),
                m.subject(), m.bodyText(), m.state(), now, m.recipients(), m.queued(),
                number(counts.get("sent")), number(counts.get("waiting")), number(counts.get("failed")),
                number(counts.get("bounced")), dates.dateTime(m.createdAt()),
                m.confirmedAt() == null ? null : dates.dateTime(m.confirmedAt()),
                m.finishedAt() == null ? null : dates.dateTime(m.finishedAt()), m.version());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Mailing require(long id, boolean lock) {
        Mailing m = lock ? Mailing.findById(id, LockModeType.PESSIMISTIC_WRITE) : Mailing.findById(id);
        if (m == null) {
            throw new NoSuchMailing();
        }
        return m;
    }
}
