package org.undersigned.vetting;

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

    /** How many live entries the criteria match now, by state: shown before anything is changed. */
    @Transactional
    public Map<String, Long> preview(SignedInAdmin admin, long letterId, Criteria criteria) {
        Criteria c = validated(criteria, "-");
        Map<String, Long> byState = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("select s.state, count(*) from signature s where "
                + where(c) + " group by s.state"), letterId, c).getResultList();
        for (Object[] r : rows) {
            byState.put((String) r[0], ((Number) r[1]).longValue());
        }
        return byState;
    }

    @Transactional
    public SignatureInvalidation invalidate(SignedInAdmin admin, long letterId, Criteria criteria, String reason) {
        String why = PlainText.line(reason);
        Criteria c = validated(criteria, why);
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) bind(em.createNativeQuery("select s.id from signature s where " + where(c)
                + " order by s.id for update"), letterId, c).getResultList()).stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            throw new InvalidInputException(FormErrors.none().add("clientRange",
                    "No live entries match these criteria, so there is nothing to invalidate."));
        }
        SignatureInvalidation inv = new SignatureInvalidation();
        inv.letterId = letterId;
        inv.clientRange = c.clientRange();
        inv.emailDomain = c.emailDomain();
        inv.fromTime = c.from();
        inv.toTime = c.to();
        inv.reason = why;
        inv.signatureCount = ids.size();
        inv.createdBy = admin.id();
        inv.createdAt = now;
        inv.persist();
        // Remember each entry's state before the change, in one statement.
        em.createNativeQuery("""
                        insert into signature_invalidation_item (invalidation_id, signature_id, previous_state)
                        select ?1, id, state from signature where id = any(cast(?2 as bigint[]))""")
                .setParameter(1, inv.id).setParameter(2, ids.toArray(Long[]::new)).executeUpdate();
        boolean publicChanged = false;
        for (Signature s : signatures(ids)) {
            publicChanged |= s.state() == SignatureState.APPROVED;
            s.invalidate(now);
        }
        audit.record(admin.actor(), "signatures.invalidated", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("invalidation", inv.id, "count", ids.size(), "clientRange", c.clientRange(),
                        "emailDomain", c.emailDomain(), "from", c.from(), "to", c.to(), "reason", why));
        if (publicChanged) {
            pageChanged.fire(new PublicPageChanged(letterId));
        }
        return inv;
    }

    /** Puts back every entry that is still invalidated by this invalidation; returns how many. */
    @Transactional
    public int reverse(SignedInAdmin admin, long letterId, long invalidationId) {
        SignatureInvalidation inv = SignatureInvalidation.<SignatureInvalidation>findByIdOptional(invalidationId)
                .filter(i -> i.letterId == letterId).orElseThrow(NotFoundException::new);
        Instant now = Instant.now();
        inv.reverse(now, admin.id());
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery(
                        "select signature_id, previous_state from signature_invalidation_item where invalidation_id = ?1")
                .setParameter(1, invalidationId).getResultList();
        Map<Long, SignatureState> previous = new HashMap<>();
        items.forEach(r -> previous.put(((Number) r[0]).longValue(), SignatureState.valueOf((String) r[1])));
        int restored = 0;
        boolean publicChanged = false;
        for (Signature s : signatures(List.copyOf(previous.keySet()))) {
            if (s.state() != SignatureState.INVALIDATED) {
                continue; // withdrawn by its signer meanwhile, or already put back
            }
            s.restoreAfterInvalidation(previous.get(s.id), now);
            publicChanged |= s.state() == SignatureState.APPROVED;
            restored++;
        }
        audit.record(admin.actor(), "signatures.invalidation-reversed", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("invalidation", inv.id, "restored", restored));
        if (publicChanged) {
            pageChanged.fire(new PublicPageChanged(letterId));
        }
        return restored;
    }

    /**
     * The entries with these ids, loaded a thousand at a time: a flood can mean tens of thousands,
     * more than the 32,767 parameters PostgreSQL accepts in one statement.
     */
    private static List<Signature> signatures(List<Long> ids) {
        List<Signature> all = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 1000) {
            all.addAll(Signature.<Signature>list("id in ?1", ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        return all;
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
            q.setParameter("subdomains", "%." + c.emailDomain().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
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
                errors.add("clientRange", "Enter an IP address (203.0.113.7) or a range (203.0.113.0/24).");
            }
        }
        String domain = blankToNull(c.emailDomain());
        if (domain != null) {
            domain = domain.toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                errors.add("emailDomain", "Enter a domain such as example.org.");
            }
        }
        if (c.from() != null && c.to() != null && !c.from().isBefore(c.to())) {
            errors.add("to", "The end of the window must be after its start.");
        }
        if (range == null && domain == null && c.from() == null && c.to() == null) {
            errors.add("clientRange", "Give at least one of: client address, email domain, time window.");
        }
        if (range == null && domain == null && (c.from() == null || c.to() == null)
                && (c.from() != null || c.to() != null)) {
            errors.add("from", "A time window on its own needs both a start and an end.");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "Say why, for the audit trail (e.g. \"bot flood from one address on 12 May\").");
        } else if (reason.length() > 500) {
            errors.add("reason", "Use 500 characters or fewer.");
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
