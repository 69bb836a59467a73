package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.undersigned.account.Account;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.jobs.JobContext;
import org.undersigned.jobs.JobHandler;
import org.undersigned.jobs.Jobs;
import org.undersigned.letter.PublicPageChanged;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.signing.SignerNotices;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Approve every entry waiting for review that matches this filter", however many: a durable
 * background job ({@code org.undersigned.jobs}) that works through the matching entries in queue
 * order, {@link #CHUNK} per transaction, each chunk committing its approvals, the signers' emails,
 * the audit entries and the job's cursor together. Only entries received before the vetter asked
 * are approved (a sign-on arriving meanwhile was not looked at), and an entry someone else decided
 * meanwhile is skipped, never overwritten.
 */
@ApplicationScoped
public class BulkApproval implements JobHandler {

    public static final String KIND = "vetting.bulk-approve";
    static final int CHUNK = 200;

    @Inject
    VettingQueue queue;

    @Inject
    Jobs jobs;

    @Inject
    AuditLog audit;

    @Inject
    SignerNotices notices;

    @Inject
    Event<PublicPageChanged> pageChanged;

    /**
     * Queues the job; returns its id. The filter's state is always "waiting for review". Who may
     * ask is checked by the resources' per-letter filter ({@code LetterWrites}).
     */
    @Transactional
    public long start(SignedInAdmin admin, long letterId, QueueFilter filter) {
        QueueFilter f = pending(filter);
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long total = queue.count(letterId, f, asOf);
        if (total == 0) {
            throw new InvalidInputException(FormErrors.none().add("filter", admin().vetting_bulk_matches_nothing()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("kind", f.kind());
        params.put("country", f.country());
        params.put("version", f.version());
        params.put("flag", f.flag());
        params.put("q", f.q());
        params.put("asOf", ChronoUnit.MICROS.between(Instant.EPOCH, asOf));
        params.values().removeIf(java.util.Objects::isNull);
        long id = jobs.start(KIND, letterId, params, total, admin.actor());
        audit.record(admin.actor(), "signatures.bulk-approval-started", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("job", id, "matching", total, "filter", f.query()));
        return id;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Step step(JobContext job) {
        QueueFilter f = QueueFilter.of("PENDING_REVIEW", job.param("kind"), job.param("country"),
                job.param("version") == null ? null : Integer.valueOf(job.param("version")), job.param("flag"), job.param("q"));
        Instant asOf = Instant.EPOCH.plus(job.longParam("asOf"), ChronoUnit.MICROS);
        List<QueueFilter.Cursor> next = queue.positions(job.letterId(), f, QueueFilter.Cursor.parse(job.cursor()), asOf, CHUNK);
        Actor actor = actor(job.createdBy());
        Instant now = Instant.now();
        boolean published = false;
        for (QueueFilter.Cursor c : next) {
            Signature s = Signature.findById(c.id(), LockModeType.PESSIMISTIC_WRITE);
            if (s == null || s.state() != SignatureState.PENDING_REVIEW) {
                continue; // decided by someone else since the list was read
            }
            s.approve(now, job.createdBy());
            notices.approved(s, now);
            audit.record(actor, "signature.approved", AuditLog.Subject.signature(job.letterId(), s.id()),
                    AuditLog.values("state", SignatureState.PENDING_REVIEW),
                    AuditLog.values("state", s.state(), "bulk", true, "job", job.id()));
            published = true;
        }
        if (published) {
            pageChanged.fire(new PublicPageChanged(job.letterId()));
        }
        String cursor = next.isEmpty() ? job.cursor() : next.get(next.size() - 1).toString();
        return next.size() < CHUNK ? Step.done(cursor, next.size()) : Step.more(cursor, next.size());
    }

    static QueueFilter pending(QueueFilter f) {
        return QueueFilter.of("PENDING_REVIEW", f.kind(), f.country(), f.version(), f.flag(), f.q());
    }

    private static Actor actor(Long accountId) {
        if (accountId == null) {
            return Actor.SYSTEM;
        }
        Account a = Account.findById(accountId);
        return a == null ? Actor.SYSTEM : Actor.account(accountId, a.email);
    }
}
