package org.undersigned.mailing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.undersigned.jobs.JobContext;
import org.undersigned.jobs.JobHandler;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.mail.Outbox;
import org.undersigned.signing.SignerEmails;
import org.undersigned.signing.UpdateRecipients;

import java.util.List;

/**
 * Queues a mailing's emails, a thousand recipients a chunk, in entry order. Each chunk's emails
 * and the cursor commit together, and the outbox takes a mailing's email for a signature only
 * once, so a fan-out resumed after a restart sends nobody anything twice. Recipients who
 * unsubscribed after the editor confirmed are skipped: the latest wish counts.
 */
@ApplicationScoped
public class MailingFanOut implements JobHandler {

    static final int CHUNK = 1_000;

    @Inject
    UpdateRecipients recipients;

    @Inject
    SignerEmails emails;

    @Inject
    Outbox outbox;

    @Override
    public String kind() {
        return Mailings.FAN_OUT;
    }

    @Override
    public Step step(JobContext job) {
        Mailing mailing = Mailing.findById(job.longParam("mailing"), LockModeType.PESSIMISTIC_WRITE);
        if (mailing == null || mailing.state() != MailingState.SENDING) {
            return Step.done(job.cursor(), 0); // cancelled meanwhile
        }
        long after = job.cursor() == null ? 0 : Long.parseLong(job.cursor());
        List<UpdateRecipients.Recipient> next = recipients.after(mailing.letterId(), after, mailing.upToSignatureId(), CHUNK);
        Letter letter = LetterService.require(mailing.letterId());
        int queued = outbox.enqueueAll(next.stream()
                .map(r -> emails.campaignUpdate(r, mailing.id(), letter.title, letter.slug, mailing.subject(), mailing.bodyText()))
                .toList());
        mailing.queuedMore(queued);
        String cursor = next.isEmpty() ? job.cursor() : Long.toString(next.get(next.size() - 1).signatureId());
        if (next.size() < CHUNK) {
            mailing.allQueued();
            return Step.done(cursor, next.size());
        }
        return Step.more(cursor, next.size());
    }
}
