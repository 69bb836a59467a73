package org.undersigned.vetting;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.undersigned.signing.NameKeys;
import org.undersigned.signing.OrgType;
import org.undersigned.web.Countries;
import org.undersigned.web.Dates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The review queue of one letter: what a vetter needs to judge each entry, and the entries that
 * may be the same signer (same normalized organization name, same website domain, or same
 * mailbox).
 */
@ApplicationScoped
public class VettingQueue {

    public static final int PAGE_SIZE = 50;

    @TemplateData
    public record DuplicateRef(long id, String name, String state, List<String> reasons) {
    }

    @TemplateData
    public record Row(long id, long version, String kind, String state, String name, String affiliation,
                      String website, String websiteDomain, String place, String orgType, String contactName,
                      String contactTitle, String email, String emailDomain, Boolean domainMatches, String signedAt,
                      int letterVersion, String source, String decisionNote, List<DuplicateRef> duplicates,
                      String botSignal, boolean disposableEmail, String clientIp) {
        /** Why the form post looked automated, in words. */
        public String botLabel() {
            return botSignal == null ? null : switch (botSignal) {
                case "HONEYPOT" -> "filled in the hidden field (a bot)";
                case "TOO_FAST" -> "sent faster than a person types";
                default -> "posted without our form";
            };
        }

        public boolean organization() {
            return "ORGANIZATION".equals(kind);
        }

        public boolean pending() {
            return "PENDING_REVIEW".equals(state);
        }
    }

    @TemplateData
    public record Page(List<Row> rows, long total, int page, int pages) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** SQL for "another live entry that may be the same signer", with o the other and s the row. */
    static final String SAME_SIGNER = """
            o.letter_id = s.letter_id and o.id <> s.id and o.state <> 'WITHDRAWN'
            and ((s.kind = 'ORGANIZATION' and o.kind = 'ORGANIZATION' and o.name_key = s.name_key)
                 or (s.website_domain is not null and o.website_domain = s.website_domain)
                 or o.email_normalized = s.email_normalized)""";

    private static final String DOMAIN_OF_EMAIL = "split_part(s.email_normalized, '@', 2)";
    private static final String DOMAIN_MATCHES = "(" + DOMAIN_OF_EMAIL + " = s.website_domain or "
            + DOMAIN_OF_EMAIL + " like '%.' || s.website_domain or s.website_domain like '%.' || " + DOMAIN_OF_EMAIL + ")";

    @Inject
    EntityManager em;

    @Inject
    Dates dates;

    public Page page(long letterId, QueueFilter f) {
        return query(letterId, f, null);
    }

    private Page query(long letterId, QueueFilter f, Long onlyId) {
        StringBuilder where = new StringBuilder("s.letter_id = :letter");
        Map<String, Object> params = new HashMap<>();
        params.put("letter", letterId);
        if (onlyId != null) {
            where.append(" and s.id = :only");
            params.put("only", onlyId);
        }
        if (!f.allStates()) {
            where.append(" and s.state = :state");
            params.put("state", f.state());
        }
        if (f.kind() != null) {
            where.append(" and s.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.country() != null) {
            where.append(" and s.country = :country");
            params.put("country", f.country());
        }
        if (f.version() != null) {
            where.append(" and s.letter_version = :version");
            params.put("version", f.version());
        }
        if (f.q() != null) {
            where.append(" and (s.sort_key like :q escape '\\' or s.email_normalized like :qe escape '\\'"
                    + " or coalesce(s.website_domain, '') like :qe escape '\\' or lower(coalesce(s.contact_name, '')) like :qe escape '\\')");
            params.put("q", like(NameKeys.searchKey(f.q())));
            params.put("qe", like(f.q().toLowerCase()));
        }
        if ("possible-duplicate".equals(f.flag())) {
            where.append(" and exists (select 1 from signature o where ").append(SAME_SIGNER).append(")");
        } else if ("domain-mismatch".equals(f.flag())) {
            where.append(" and s.website_domain is not null and not ").append(DOMAIN_MATCHES);
        } else if ("no-website".equals(f.flag())) {
            where.append(" and s.kind = 'ORGANIZATION' and s.website is null");
        } else if ("suspected-bot".equals(f.flag())) {
            where.append(" and s.bot_signal is not null");
        } else if ("disposable-email".equals(f.flag())) {
            where.append(" and s.disposable_email");
        }
        long total = ((Number) bind(em.createNativeQuery("select count(*) from signature s where " + where), params)
                .getSingleResult()).longValue();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(f.page(), pages);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                select s.id, s.version, s.kind, s.state, s.display_name, s.affiliation, s.website, s.website_domain,
                       s.city, s.region, s.country, s.org_type, s.contact_name, s.contact_title, s.email,
                       s.created_at, s.letter_version, s.source, s.decision_note,
                       case when s.website_domain is null then null else %s end,
                       s.bot_signal, s.disposable_email, host(s.client_ip)
                from signature s where %s
                order by s.created_at, s.id offset :offset limit :limit""".formatted(DOMAIN_MATCHES, where)), params)
                .setParameter("offset", (page - 1) * PAGE_SIZE)
                .setParameter("limit", PAGE_SIZE)
                .getResultList();
        Map<Long, List<DuplicateRef>> duplicates = duplicatesOf(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<Row> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            String email = (String) r[14];
            String place = Stream.of((String) r[8], (String) r[9], Countries.name((String) r[10]))
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
            String orgType = r[11] == null ? null : OrgType.parse((String) r[11]).map(t -> t.label).orElse((String) r[11]);
            out.add(new Row(id, ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], place, orgType, (String) r[12], (String) r[13], email,
                    email == null ? null : email.substring(email.lastIndexOf('@') + 1).toLowerCase(), (Boolean) r[19],
                    dates.dateTime(toInstant(r[15])), ((Number) r[16]).intValue(), (String) r[17], (String) r[18],
                    duplicates.getOrDefault(id, List.of()), (String) r[20], Boolean.TRUE.equals(r[21]), (String) r[22]));
        }
        return new Page(out, total, page, pages);
    }

    /** One entry, exactly as the queue shows it. */
    public Row row(long letterId, long signatureId) {
        return query(letterId, QueueFilter.of("ALL", null, null, null, null, null, 1), signatureId).rows().stream()
                .findFirst().orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /** Possible duplicates of each given entry, with why each one matched. */
    @SuppressWarnings("unchecked")
    public Map<Long, List<DuplicateRef>> duplicatesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, o.id, o.display_name, o.state,
                               (s.kind = 'ORGANIZATION' and o.kind = 'ORGANIZATION' and o.name_key = s.name_key),
                               (s.website_domain is not null and o.website_domain = s.website_domain),
                               (o.email_normalized = s.email_normalized)
                        from signature s join signature o on %s
                        where s.id in (:ids)
                        order by s.id, o.created_at, o.id""".formatted(SAME_SIGNER))
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, List<DuplicateRef>> out = new HashMap<>();
        for (Object[] r : rows) {
            List<String> reasons = new ArrayList<>();
            if (Boolean.TRUE.equals(r[4])) {
                reasons.add("same name");
            }
            if (Boolean.TRUE.equals(r[5])) {
                reasons.add("same website");
            }
            if (Boolean.TRUE.equals(r[6])) {
                reasons.add("same email");
            }
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new DuplicateRef(((Number) r[1]).longValue(), (String) r[2], (String) r[3], reasons));
        }
        return out;
    }

    private static Query bind(Query q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }

    private static String like(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
