package org.undersigned.mailing;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.infra.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.undersigned.account.Account;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.infra.ClusterLock;
import org.undersigned.mail.MailConfig;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.web.Dates;
import org.undersigned.web.SiteConfig;

import java.time.Instant;
import java.util.List;

/**
 * Tells vetters that entries wait in a letter's queue: one email per vetter and letter per
 * {@code undersigned.mail.digest-every} at most (how many wait, since when, a link), never one
 * per sign-on. Runs on one instance at a time. Vetters are the accounts that may vet the letter
 * (admins, and vetters unless the letter names its own).
 */
@ApplicationScoped
public class VetterDigests {

    @Inject
    EntityManager em;

    @Inject
    ClusterLock lock;

    @Inject
    LetterAccess access;

    @Inject
    Outbox outbox;

    @Inject
    MailConfig config;

    @Inject
    SiteConfig site;

    @Inject
    Dates dates;

    @Scheduled(every = "${undersigned.mail.digest-check-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Sends the digests that are due; returns how many were queued. */
    public int run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lock.tryLock(ClusterLock.Job.VETTER_DIGESTS)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Tuple> waiting = em.createNativeQuery("""
                            select s.letter_id, l.title, count(*) as waiting, min(coalesce(s.confirmed_at, s.created_at)) as oldest
                            from signature s join letter l on l.id = s.letter_id
                            where s.state = 'PENDING_REVIEW' and l.state in ('OPEN', 'CLOSED')
                            group by s.letter_id, l.title""", Tuple.class).getResultList();
            if (waiting.isEmpty()) {
                return 0;
            }
            List<Account> vetters = Account.list("active = true and passwordHash is not null");
            Instant now = Instant.now();
            int queued = 0;
            for (Tuple letter : waiting) {
                long letterId = Sql.longValue(letter, "letter_id");
                for (Account a : vetters) {
                    if (!a.role.mayVet() || !access.allows(new SignedInAdmin(a.id, a.email, a.displayName, a.role), letterId,
                            LetterAccess.Capability.VET) || !due(a.id, letterId, now)) {
                        continue;
                    }
                    send(a, letterId, letter, now);
                    queued++;
                }
            }
            return queued;
        });
    }

    /** Claims the period for this vetter and letter; false when a digest went out within it. */
    private boolean due(long accountId, long letterId, Instant now) {
        return em.createNativeQuery("""
                        insert into vetter_digest (account_id, letter_id, last_sent_at) values (?1, ?2, ?3)
                        on conflict (account_id, letter_id) do update set last_sent_at = excluded.last_sent_at
                        where vetter_digest.last_sent_at <= ?4""")
                .setParameter(1, accountId).setParameter(2, letterId).setParameter(3, now)
                .setParameter(4, now.minus(config.digestEvery())).executeUpdate() == 1;
    }

    private void send(Account vetter, long letterId, Tuple letter, Instant now) {
        String title = letter.get("title", String.class);
        long count = Sql.longValue(letter, "waiting");
        Instant oldest = Sql.instant(letter, "oldest");
        String body = admin().mail_vetter_digest(vetter.displayName, count, title, dates.dateTime(oldest),
                site.publicUrl() + "/admin/letters/" + letterId + "/queue", config.digestEvery().toHours());
        outbox.enqueue(MailPriority.BULK, "vetting.digest", vetter.email, admin().mail_vetter_digest_subject(count, title), body);
    }
}
