package org.undersigned.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterDraft;
import org.undersigned.letter.LetterService;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates the data each test needs, through the application's own services where one exists.
 * Every letter gets a fresh slug and every signer a fresh address, so tests never see each
 * other's data and can run in any order.
 */
@ApplicationScoped
public class TestData {

    @Inject
    LetterService letters;

    @Inject
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<org.undersigned.letter.PublicPageChanged> pageChanged;

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public record LetterOptions(boolean organizations, boolean individuals, boolean autoApproveIndividuals,
                                Instant deadline) {
        public static LetterOptions organizationsOnly() {
            return new LetterOptions(true, false, false, null);
        }

        public static LetterOptions everyone() {
            return new LetterOptions(true, true, false, null);
        }

        public static LetterOptions everyoneAutoApprovingIndividuals() {
            return new LetterOptions(true, true, true, null);
        }

        public LetterOptions withDeadline(Instant deadline) {
            return new LetterOptions(organizations, individuals, autoApproveIndividuals, deadline);
        }
    }

    public Letter draft(LetterOptions o) {
        return letters.createDraft(Actor.SYSTEM, new LetterDraft(uniqueSlug("t"), "Test letter " + UUID.randomUUID(),
                "Mr. Bezos and Mr. Jassy", "We ask you to **stop**.\n\n## Why\n\nBecause.",
                "Test Coalition", "press@coalition.example", o.deadline(), o.organizations(), o.individuals(),
                o.autoApproveIndividuals()));
    }

    public Letter open(LetterOptions o) {
        Letter draft = draft(o);
        return letters.publish(Actor.SYSTEM, draft.id);
    }

    public Letter closed(LetterOptions o) {
        Letter letter = open(o);
        return letters.close(Actor.SYSTEM, letter.id);
    }

    @Transactional
    public List<Signature> signatures(long letterId) {
        List<Signature> list = Signature.list("letter.id = ?1 order by id", letterId);
        list.forEach(s -> s.letter().slug.length());
        return list;
    }

    @Transactional
    public List<Signature> signaturesByEmail(String email) {
        List<Signature> list = Signature.list("email = ?1 order by id", email);
        list.forEach(s -> s.letter().slug.length());
        return list;
    }

    @Transactional
    public Signature only(String email) {
        List<Signature> list = signaturesByEmail(email);
        if (list.size() != 1) {
            throw new AssertionError("expected one signature for " + email + " but found " + list.size());
        }
        return list.get(0);
    }

    /** The signer follows their confirmation link. */
    @Transactional
    public void confirm(String email) {
        Signature.<Signature>find("email", email).singleResult().confirm(Instant.now(), false);
    }

    /** What a vetter will do in the admin UI; until then tests approve directly through the aggregate. */
    @Transactional
    public void approve(String email) {
        Signature s = Signature.<Signature>find("email", email).singleResult();
        if (s.state() == SignatureState.UNCONFIRMED) {
            s.confirm(Instant.now(), false);
        }
        s.approve(Instant.now(), null);
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(s.letter().id));
    }

    /** Every live entry of the letter confirmed and approved, as if vetted one by one. */
    @Transactional
    public int approveAll(long letterId) {
        int n = 0;
        for (Signature s : Signature.<Signature>list("letter.id = ?1", letterId)) {
            if (s.state() == SignatureState.UNCONFIRMED) {
                s.confirm(Instant.now(), false);
            }
            if (s.state() == SignatureState.PENDING_REVIEW) {
                s.approve(Instant.now(), null);
                n++;
            }
        }
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(letterId));
        return n;
    }

    @Transactional
    public void reject(String email) {
        Signature s = Signature.<Signature>find("email", email).singleResult();
        if (s.state() == SignatureState.UNCONFIRMED) {
            s.confirm(Instant.now(), false);
        }
        s.reject(Instant.now(), null, "test");
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(s.letter().id));
    }

    @Transactional
    public void withdraw(String email) {
        Signature s = Signature.<Signature>find("email", email).singleResult();
        s.withdraw(Instant.now());
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(s.letter().id));
    }

    @Transactional
    public void expireConfirmLink(String email) {
        em.createNativeQuery("update signature set confirm_expires_at = now() - interval '1 minute' where email = ?1")
                .setParameter(1, email).executeUpdate();
    }

    @Transactional
    public void expireManageLink(String email) {
        em.createNativeQuery("update signature set manage_expires_at = now() - interval '1 minute' where email = ?1")
                .setParameter(1, email).executeUpdate();
    }

    @Transactional
    public void setDeadline(long letterId, Instant deadline) {
        em.createNativeQuery("update letter set sign_deadline = ?1, version = version + 1 where id = ?2")
                .setParameter(1, deadline).setParameter(2, letterId).executeUpdate();
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(letterId));
    }

    /** Until the admin issue adds the delivery form, tests deliver through the aggregate. */
    @Transactional
    public void deliver(long letterId, String to) {
        Letter letter = Letter.findById(letterId);
        if (letter.state() == org.undersigned.letter.LetterState.OPEN) {
            letter.close(Instant.now());
        }
        letter.deliver(Instant.now(), Instant.now(), to, "by email");
        pageChanged.fire(new org.undersigned.letter.PublicPageChanged(letterId));
    }

    @Transactional
    public Letter letter(long id) {
        return Letter.findById(id);
    }

    @Transactional
    public List<OutboxEmail> emailsTo(String recipient) {
        return OutboxEmail.list("lower(recipient) = ?1 order by createdAt, id", recipient.toLowerCase(Locale.ROOT));
    }

    @Transactional
    public int execute(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    /** The one value a statement returns (a query, or an insert … returning). */
    @Transactional
    public Object single(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult();
    }

    @Transactional
    public long countRows(String table, String where, Object... params) {
        var q = em.createNativeQuery("select count(*) from " + table + " where " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }
}
