package org.undersigned.logos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.letter.PublicPageChanged;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.util.List;

/**
 * Lead signers: entries the editors put at the top of the letter's list, with their logos, in
 * the order they were marked. Only approved entries are ever shown; an entry that leaves the
 * list (withdrawn, rejected) drops out of the leads with it.
 */
@ApplicationScoped
public class LeadSigners {

    /** At most this many leads per letter: they are shown in full on the page and in the PDF. */
    public static final int MAX = 100;

    /** A lead as the public page and the PDF show it; {@code logo} is true when an approved logo exists. */
    public record Lead(long signatureId, String name, boolean organization, String affiliation, String website,
                       String city, String country, boolean logo) {
    }

    /** An approved entry an editor may mark, found by name. */
    public record Candidate(long signatureId, String name, String kind, boolean lead) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicPageChanged> pageChanged;

    @Transactional
    public void mark(Actor actor, long signatureId) {
        Tuple s = signature(signatureId);
        long letterId = ((Number) s.get("letter_id")).longValue();
        if (!"APPROVED".equals(s.get("state"))) {
            throw new RuleException(org.undersigned.web.AdminMsg::leads_not_public_title, org.undersigned.web.AdminMsg::leads_not_public);
        }
        long count = ((Number) em.createNativeQuery("select count(*) from lead_signer where letter_id = ?1")
                .setParameter(1, letterId).getSingleResult()).longValue();
        if (count >= MAX) {
            throw new RuleException(org.undersigned.web.AdminMsg::leads_too_many_title, m -> m.leads_too_many(MAX));
        }
        int changed = em.createNativeQuery("""
                        insert into lead_signer (signature_id, letter_id, position, marked_at, marked_by)
                        select ?1, ?2, coalesce(max(position), 0) + 1, ?3, ?4 from lead_signer where letter_id = ?2
                        on conflict (signature_id) do nothing""")
                .setParameter(1, signatureId).setParameter(2, letterId).setParameter(3, Instant.now())
                .setParameter(4, actor.accountId()).executeUpdate();
        if (changed > 0) {
            changed(actor, letterId, signatureId, "signature.lead-marked");
        }
    }

    @Transactional
    public void unmark(Actor actor, long signatureId) {
        Tuple s = signature(signatureId);
        long letterId = ((Number) s.get("letter_id")).longValue();
        if (em.createNativeQuery("delete from lead_signer where signature_id = ?1").setParameter(1, signatureId).executeUpdate() > 0) {
            changed(actor, letterId, signatureId, "signature.lead-unmarked");
        }
    }

    private void changed(Actor actor, long letterId, long signatureId, String action) {
        audit.record(actor, action, AuditLog.Subject.signature(letterId, signatureId), null, null);
        LetterRows.touch(em, letterId);
        pageChanged.fire(new PublicPageChanged(letterId));
    }

    /** The letter's approved leads in order (at most {@link #MAX}); public columns only. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Lead> of(long letterId) {
        List<Tuple> rows = em.createNativeQuery("""
                        select s.id, s.display_name, s.kind, s.affiliation, s.website, s.city, s.country,
                               (g.state = 'APPROVED') as logo
                        from lead_signer ls join signature s on s.id = ls.signature_id
                        left join signature_logo g on g.signature_id = s.id
                        where ls.letter_id = ?1 and s.state = 'APPROVED'
                        order by ls.position limit %d""".formatted(MAX), Tuple.class)
                .setParameter(1, letterId).getResultList();
        return rows.stream().map(r -> new Lead(((Number) r.get("id")).longValue(), (String) r.get("display_name"),
                "ORGANIZATION".equals(r.get("kind")), (String) r.get("affiliation"), (String) r.get("website"),
                (String) r.get("city"), (String) r.get("country"), Boolean.TRUE.equals(r.get("logo")))).toList();
    }

    /** Approved entries whose name contains {@code query} (the trigram index), at most 20. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Candidate> find(long letterId, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String like = "%" + org.undersigned.web.PlainText.line(query).toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Tuple> rows = em.createNativeQuery("""
                        select s.id, s.display_name, s.kind, (ls.signature_id is not null) as lead
                        from signature s left join lead_signer ls on ls.signature_id = s.id
                        where s.letter_id = ?1 and s.state = 'APPROVED' and s.sort_key like ?2 escape '\\'
                        order by s.sort_key, s.id limit 20""", Tuple.class)
                .setParameter(1, letterId).setParameter(2, like).getResultList();
        return rows.stream().map(r -> new Candidate(((Number) r.get("id")).longValue(), (String) r.get("display_name"),
                (String) r.get("kind"), Boolean.TRUE.equals(r.get("lead")))).toList();
    }

    @SuppressWarnings("unchecked")
    private Tuple signature(long signatureId) {
        List<Tuple> rows = em.createNativeQuery("select letter_id, state from signature where id = ?1", Tuple.class)
                .setParameter(1, signatureId).getResultList();
        if (rows.isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return rows.get(0);
    }
}
