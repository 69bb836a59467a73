package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.abuse.IpRange;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.audit.AuditLog;
import org.undersigned.jobs.Jobs;
import org.undersigned.letter.PublicPageChanged;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureState;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.PlainText;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Taking a flood out in one go: every live entry of a letter from one client address or range,
 * one email domain and/or one time window moves to INVALIDATED (leaving the public list and the
 * queue), recorded so that reversing it puts each entry back where it was. Both directions are
 * audited with their criteria and counts.
 */
@ApplicationScoped
public class Invalidations {

    /** What to take out; at least one criterion. Times are inclusive-exclusive. */
    @TemplateData
    public record Criteria(String clientRange, String emailDomain, Instant from, Instant to) {
    }

    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
    private static final List<String> INVALIDATABLE = List.of("UNCONFIRMED", "PENDING_REVIEW", "APPROVED", "REJECTED", "DUPLICATE");

    @Inject
    EntityManager em;

    @Inject
    LetterAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicPageChanged> pageChanged;

    @Inject
    Jobs jobs;

    /** Entries handled per transaction (in the request, then per job chunk). */
    static final int CHUNK = 1_000;

    /** How many live entries the criteria match now, by state: shown before anything is changed. */
    @Transactional
    public Map<String, Long> preview(SignedInAdmin admin, long letterId, Criteria criteria) {
        Criteria c = validated(criteria, "-");
        Map<String, Long> byState = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = bind(em.createNativeQuery("select s.state, count(*) as n from signature s where "
                + where(c) + " group by s.state", jakarta.persistence.Tuple.class), letterId, c).getResultList();
        for (jakarta.persistence.Tuple r : rows) {
            byState.put(Sql.string(r, "state"), Sql.longValue(r, "n"));
        }
        return byState;
    }

    /**
     * Invalidates every live entry matching the criteria that was received up to now. The first
     * {@link #CHUNK} entries are done in this request, so a small flood is gone at once; a larger
     * one continues as a durable background job ({@link InvalidationJobs}), a chunk per
     * transaction, with progress. {@code signatureCount} is the number matched when asked.
     */
    @Transactional
    public SignatureInvalidation invalidate(SignedInAdmin admin, long letterId, Criteria criteria, String reason) {
        String why = PlainText.line(reason);
        Criteria c = validated(criteria, why);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long matching = ((Number) bind(em.createNativeQuery("select count(*) from signature s where " + where(c)
                + " and s.created_at <= :asOf"), letterId, c).setParameter("asOf", now).getSingleResult()).longValue();
        if (matching == 0) {
            throw new InvalidInputException(FormErrors.none().add("clientRange",
                    admin().vetting_invalidation_matches_nothing()));
        }
        SignatureInvalidation inv = new SignatureInvalidation();
        inv.letterId = letterId;
        inv.clientRange = c.clientRange();
        inv.emailDomain = c.emailDomain();
        inv.fromTime = c.from();
        inv.toTime = c.to();
        inv.reason = why;
        inv.signatureCount = (int) Math.min(Integer.MAX_VALUE, matching);
        inv.createdBy = admin.id();
        inv.createdAt = now;
        inv.persist();
        em.flush();
        Chunk first = invalidateChunk(inv, null);
        if (!first.finished()) {
            inv.jobId = jobs.start(InvalidationJobs.INVALIDATE, letterId,
                    Map.of("invalidation", inv.id, "after", first.cursor()), matching - first.processed(), admin.actor());
        }
        audit.record(admin.actor(), "signatures.invalidated", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("invalidation", inv.id, "count", matching, "clientRange", c.clientRange(),
                        "emailDomain", c.emailDomain(), "from", c.from(), "to", c.to(), "reason", why,
                        "job", inv.jobId));
        return inv;
    }

    /** What one chunk did: where the next starts, how many it handled, whether it was the last. */
    record Chunk(String cursor, long processed, boolean finished) {
    }

    /**
     * Invalidates the next {@link #CHUNK} matching entries after {@code after} (queue order:
     * created_at, id; null from the start), remembering each one's state. Runs in the caller's
     * transaction: the request's, or a job chunk's.
     */
    Chunk invalidateChunk(SignatureInvalidation inv, String after) {
        Criteria c = new Criteria(inv.clientRange, inv.emailDomain, inv.fromTime, inv.toTime);
        QueueFilter.Cursor from = QueueFilter.Cursor.parse(after);
        Query q = bind(em.createNativeQuery("select s.id, s.created_at from signature s where " + where(c)
                + " and s.created_at <= :asOf" + (from == null ? "" : " and (s.created_at, s.id) > (:cAt, :cId)")
                + " order by s.created_at, s.id limit :limit for update", jakarta.persistence.Tuple.class), inv.letterId, c)
                .setParameter("asOf", inv.createdAt).setParameter("limit", CHUNK);
        if (from != null) {
            q.setParameter("cAt", from.createdAt()).setParameter("cId", from.id());
        }
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = q.getResultList();
        if (rows.isEmpty()) {
            return new Chunk(after, 0, true);
        }
        List<Long> ids = rows.stream().map(r -> Sql.longValue(r, "id")).toList();
        // Remember each entry's state before the change, in one statement.
        em.createNativeQuery("""
                        insert into signature_invalidation_item (invalidation_id, signature_id, previous_state)
                        select ?1, id, state from signature where id = any(cast(?2 as bigint[]))""")
                .setParameter(1, inv.id).setParameter(2, ids.toArray(Long[]::new)).executeUpdate();
        boolean publicChanged = false;
        Instant now = Instant.now();
        for (Signature s : signatures(ids)) {
            publicChanged |= s.state() == SignatureState.APPROVED;
            s.invalidate(now);
        }
        if (publicChanged) {
            pageChanged.fire(new PublicPageChanged(inv.letterId));
        }
        jakarta.persistence.Tuple last = rows.get(rows.size() - 1);
        Instant lastAt = Sql.instant(last, "created_at");
        String cursor = new QueueFilter.Cursor(lastAt, ids.get(ids.size() - 1)).toString();
        return new Chunk(cursor, ids.size(), ids.size() < CHUNK);
    }

    /**
     * Puts back every entry that is still invalidated by this invalidation; returns how many were
     * put back in this request. Like invalidating, the first {@link #CHUNK} entries are restored at
     * once and the rest by a background job.
     */
    @Transactional
    public int reverse(SignedInAdmin admin, long letterId, long invalidationId) {
        SignatureInvalidation inv = SignatureInvalidation.<SignatureInvalidation>findByIdOptional(invalidationId,
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .filter(i -> i.letterId == letterId).orElseThrow(NotFoundException::new);
        Instant now = Instant.now();
        inv.reverse(now, admin.id());
        Chunk first = reverseChunk(inv, null);
        Long job = null;
        if (!first.finished()) {
            job = jobs.start(InvalidationJobs.REVERSE, letterId, Map.of("invalidation", inv.id, "after", first.cursor()),
                    null, admin.actor());
        }
        audit.record(admin.actor(), "signatures.invalidation-reversed", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("invalidation", inv.id, "restored", first.processed(), "job", job));
        return (int) first.processed();
    }

    /** Restores the next {@link #CHUNK} items of a reversed invalidation after signature id {@code after}. */
    Chunk reverseChunk(SignatureInvalidation inv, String after) {
        long from = after == null ? 0 : Long.parseLong(after);
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> items = em.createNativeQuery("""
                        select signature_id, previous_state from signature_invalidation_item
                        where invalidation_id = ?1 and signature_id > ?2 order by signature_id limit ?3""",
                        jakarta.persistence.Tuple.class)
                .setParameter(1, inv.id).setParameter(2, from).setParameter(3, CHUNK).getResultList();
        if (items.isEmpty()) {
            return new Chunk(after, 0, true);
        }
        Map<Long, SignatureState> previous = new HashMap<>();
        items.forEach(r -> previous.put(Sql.longValue(r, "signature_id"),
                SignatureState.valueOf(r.get("previous_state", String.class))));
        int restored = 0;
        boolean publicChanged = false;
        Instant now = Instant.now();
        for (Signature s : signatures(List.copyOf(previous.keySet()))) {
            if (s.state() != SignatureState.INVALIDATED) {
                continue; // withdrawn by its signer meanwhile, or already put back
            }
            s.restoreAfterInvalidation(previous.get(s.id()), now);
            publicChanged |= s.state() == SignatureState.APPROVED;
            restored++;
        }
        if (publicChanged) {
            pageChanged.fire(new PublicPageChanged(inv.letterId));
        }
        long last = Sql.longValue(items.get(items.size() - 1), "signature_id");
        return new Chunk(Long.toString(last), restored, items.size() < CHUNK);
    }

    /** The entries with these ids (at most {@link #CHUNK}, well under PostgreSQL's 32,767 parameters). */
    private static List<Signature> signatures(List<Long> ids) {
        return Signature.<Signature>list("id in ?1", ids);
    }

    private static String where(Criteria c) {
        StringBuilder w = new StringBuilder("s.letter_id = :letter and s.state in ('UNCONFIRMED', 'PENDING_REVIEW', "
                + "'APPROVED', 'REJECTED', 'DUPLICATE')");
        if (c.clientRange() != null) {
            w.append(" and s.client_ip <<= cast(:range as inet)");
        }
        if (c.emailDomain() != null) {
            w.append(" and (split_part(s.email_normalized, '@', 2) = :domain"
                    + " or split_part(s.email_normalized, '@', 2) like :subdomains escape '\\')");
        }
        if (c.from() != null) {
            w.append(" and s.created_at >= :from");
        }
        if (c.to() != null) {
            w.append(" and s.created_at < :to");
        }
        return w.toString();
    }

    private static Query bind(Query q, long letterId, Criteria c) {
        q.setParameter("letter", letterId);
        if (c.clientRange() != null) {
            q.setParameter("range", c.clientRange());
        }
        if (c.emailDomain() != null) {
            q.setParameter("domain", c.emailDomain());
            q.setParameter("subdomains", "%." + Sql.escapeLike(c.emailDomain()));
        }
        if (c.from() != null) {
            q.setParameter("from", c.from());
        }
        if (c.to() != null) {
            q.setParameter("to", c.to());
        }
        return q;
    }

    /** Normalized criteria, or a clear message per field (nothing is changed then). */
    static Criteria validated(Criteria c, String reason) {
        FormErrors errors = FormErrors.none();
        String range = blankToNull(c.clientRange());
        if (range != null) {
            try {
                IpRange parsed = IpRange.parse(range);
                range = parsed.prefixLength() == parsed.network().length * 8
                        ? parsed.toString().substring(0, parsed.toString().indexOf('/')) : parsed.toString();
            } catch (IllegalArgumentException e) {
                errors.add("clientRange", admin().vetting_client_range_invalid());
            }
        }
        String domain = blankToNull(c.emailDomain());
        if (domain != null) {
            domain = domain.toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                errors.add("emailDomain", admin().vetting_email_domain_invalid());
            }
        }
        if (c.from() != null && c.to() != null && !c.from().isBefore(c.to())) {
            errors.add("to", admin().vetting_window_end_before_start());
        }
        if (range == null && domain == null && c.from() == null && c.to() == null) {
            errors.add("clientRange", admin().vetting_criteria_required());
        }
        if (range == null && domain == null && (c.from() == null || c.to() == null)
                && (c.from() != null || c.to() != null)) {
            errors.add("from", admin().vetting_window_needs_both_ends());
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", admin().vetting_reason_required());
        } else if (reason.length() > 500) {
            errors.add("reason", admin().vetting_reason_too_long());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Criteria(range, domain, c.from(), c.to());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
