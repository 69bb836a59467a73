package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.infra.Sql;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.undersigned.infra.ShippedFonts;
import org.undersigned.signing.NameKeys;
import org.undersigned.signing.OrgType;
import org.undersigned.web.Countries;
import org.undersigned.web.Dates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The review queue of one letter: what a vetter needs to judge each entry, and the entries that
 * may be the same signer (same normalized organization name, same website domain, or same
 * mailbox).
 *
 * <p>Everything here is bounded, whatever the size of the letter: a page is {@link #PAGE_SIZE}
 * rows found by keyset over an index ({@code signature_queue} per state,
 * {@code signature_letter_created} for all states, the flag indexes, the trigram index
 * {@code signature_search} for text), the total is counted up to {@link #COUNT_CAP}, and each
 * row carries at most {@link #DUPLICATE_HINTS} possible duplicates with a count capped at
 * {@link #DUPLICATE_CAP} (the rest are one link away: the {@code duplicatesOf} filter).
 */
@ApplicationScoped
public class VettingQueue {

    public static final int PAGE_SIZE = 50;
    /** Totals beyond this are shown as "more than"; counting further would read the whole letter. */
    public static final int COUNT_CAP = 1_000;
    /** The closest possible duplicates shown with each row. */
    public static final int DUPLICATE_HINTS = 3;
    /** Possible duplicates counted per reason before the count says "at least". */
    public static final int DUPLICATE_CAP = 20;

    @TemplateData
    public record DuplicateRef(long id, String name, String state, List<String> reasons) {
    }

    @TemplateData
    public record Row(long id, long version, String kind, String state, String name, String affiliation,
                      String website, String websiteDomain, String place, String orgType, String contactName,
                      String contactTitle, String email, String emailDomain, Boolean domainMatches, String signedAt,
                      int letterVersion, String source, String decisionNote, List<DuplicateRef> duplicates,
                      int duplicateCount, boolean moreDuplicates, String botSignal, boolean disposableEmail,
                      String clientIp, boolean emailBounced, List<String> unprintable) {
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

        /** More possible duplicates than the few shown. */
        public boolean hasMoreDuplicates() {
            return moreDuplicates || duplicateCount > duplicates.size();
        }
    }

    /**
     * One page: {@code total} is exact unless {@code totalCapped} (then "more than"); {@code next}
     * and {@code previous} are keyset cursors, null at either end.
     */
    @TemplateData
    public record Page(List<Row> rows, long total, boolean totalCapped, String next, String previous,
                       String nextQuery, String previousQuery, String firstQuery) {
        public boolean hasPrevious() {
            return previous != null;
        }

        public boolean hasNext() {
            return next != null;
        }
    }

    /** SQL for "another live entry that may be the same signer", with o the other and s the row. */
    static final String SAME_SIGNER = """
            o.letter_id = s.letter_id and o.id <> s.id and o.state <> 'WITHDRAWN'
            and ((s.kind = 'ORGANIZATION' and o.kind = 'ORGANIZATION' and o.name_key = s.name_key)
                 or (s.website_domain is not null and o.website_domain = s.website_domain)
                 or o.email_normalized = s.email_normalized)""";

    /**
     * "Has a possible duplicate", as three probes that each stop at the first match of one index
     * (email, organization name, website), instead of one OR that no single index serves.
     */
    static final String HAS_DUPLICATE = """
            (exists (select 1 from signature o where o.letter_id = s.letter_id and o.email_normalized = s.email_normalized
                        and o.id <> s.id and o.state <> 'WITHDRAWN')
             or (s.kind = 'ORGANIZATION' and exists (select 1 from signature o where o.letter_id = s.letter_id
                        and o.name_key = s.name_key and o.kind = 'ORGANIZATION' and o.id <> s.id and o.state <> 'WITHDRAWN'))
             or (s.website_domain is not null and exists (select 1 from signature o where o.letter_id = s.letter_id
                        and o.website_domain = s.website_domain and o.id <> s.id and o.state <> 'WITHDRAWN')))""";

    private static final String DOMAIN_OF_EMAIL = "split_part(s.email_normalized, '@', 2)";
    private static final String DOMAIN_MATCHES = "(" + DOMAIN_OF_EMAIL + " = s.website_domain or "
            + DOMAIN_OF_EMAIL + " like '%.' || s.website_domain or s.website_domain like '%.' || " + DOMAIN_OF_EMAIL + ")";

    @Inject
    EntityManager em;

    @Inject
    Dates dates;

    /** Decides which characters the letter PDF cannot print, so the vetter sees it before approving. */
    @Inject
    ShippedFonts fonts;

    public Page page(long letterId, QueueFilter f) {
        return query(letterId, f, null);
    }

    /** The WHERE clause of a view of the queue (alias {@code s}) and its parameters. */
    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(long letterId, QueueFilter f, Long onlyId) {
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
            // Each alternative is one column of the trigram index signature_search.
            where.append(" and (s.sort_key like :q escape '\\' or s.email_normalized like :qe escape '\\'"
                    + " or s.website_domain like :qe escape '\\' or lower(s.contact_name) like :qe escape '\\')");
            params.put("q", Sql.containing(NameKeys.searchKey(f.q())));
            params.put("qe", Sql.containing(f.q().toLowerCase(Locale.ROOT)));
        }
        if (f.duplicatesOf() != null) {
            // The possible duplicates of one entry: its keys read first, so each alternative is
            // one of the indexes the hints use (email, organization name, website).
            @SuppressWarnings("unchecked")
            List<Tuple> keys = em.createNativeQuery("""
                            select kind, email_normalized, name_key, website_domain from signature
                            where id = :id and letter_id = :letter""", Tuple.class)
                    .setParameter("id", f.duplicatesOf()).setParameter("letter", letterId).getResultList();
            if (keys.isEmpty()) {
                where.append(" and false");
            } else {
                Tuple k = keys.get(0);
                where.append(" and s.id <> :dup and s.state <> 'WITHDRAWN' and (s.email_normalized = :dupEmail");
                params.put("dup", f.duplicatesOf());
                params.put("dupEmail", k.get("email_normalized", String.class));
                if ("ORGANIZATION".equals(k.get("kind", String.class))) {
                    where.append(" or (s.kind = 'ORGANIZATION' and s.name_key = :dupName)");
                    params.put("dupName", k.get("name_key", String.class));
                }
                if (k.get("website_domain", String.class) != null) {
                    where.append(" or s.website_domain = :dupSite");
                    params.put("dupSite", k.get("website_domain", String.class));
                }
                where.append(")");
            }
        }
        if ("possible-duplicate".equals(f.flag())) {
            where.append(" and ").append(HAS_DUPLICATE);
        } else if ("domain-mismatch".equals(f.flag())) {
            where.append(" and s.website_domain is not null and not ").append(DOMAIN_MATCHES);
        } else if ("no-website".equals(f.flag())) {
            where.append(" and s.kind = 'ORGANIZATION' and s.website is null");
        } else if ("suspected-bot".equals(f.flag())) {
            where.append(" and s.bot_signal is not null");
        } else if ("disposable-email".equals(f.flag())) {
            where.append(" and s.disposable_email");
        }
        return new Where(where.toString(), params);
    }

    private Page query(long letterId, QueueFilter f, Long onlyId) {
        Where w = where(letterId, f, onlyId);
        String where = w.sql();
        Map<String, Object> params = w.params();
        // Counted in the page's order, so the planner reads the rows the way it reads the page (a
        // walk of the queue index for common matches, the trigram index for rare ones) and stops at the cap.
        long total = ((Number) bind(em.createNativeQuery("select count(*) from (select 1 from signature s where "
                + where + " order by s.created_at, s.id limit " + (COUNT_CAP + 1) + ") c"), params).getSingleResult()).longValue();
        boolean capped = total > COUNT_CAP;

        // Keyset: rows after (or before) the cursor in (created_at, id) order, one more than a
        // page to learn whether there is a next one.
        boolean backwards = f.before() != null;
        QueueFilter.Cursor cursor = backwards ? f.before() : f.after();
        StringBuilder keyset = new StringBuilder(where);
        if (cursor != null) {
            keyset.append(backwards ? " and (s.created_at, s.id) < (:cAt, :cId)" : " and (s.created_at, s.id) > (:cAt, :cId)");
        }
        Map<String, Object> pageParams = new HashMap<>(params);
        if (cursor != null) {
            pageParams.put("cAt", cursor.createdAt().atOffset(ZoneOffset.UTC));
            pageParams.put("cId", cursor.id());
        }
        String direction = backwards ? "desc" : "asc";
        @SuppressWarnings("unchecked")
        List<Tuple> found = bind(em.createNativeQuery("""
                select s.id, s.version, s.kind, s.state, s.display_name, s.affiliation, s.website, s.website_domain,
                       s.city, s.region, s.country, s.org_type, s.contact_name, s.contact_title, s.email,
                       s.created_at, s.letter_version, s.source, s.decision_note,
                       case when s.website_domain is null then null else %s end as domain_matches,
                       s.bot_signal, s.disposable_email, host(s.client_ip) as client_ip,
                       s.email_bounced_at is not null as email_bounced
                from signature s where %s
                order by s.created_at %s, s.id %s limit :limit""".formatted(DOMAIN_MATCHES, keyset, direction, direction),
                Tuple.class), pageParams)
                .setParameter("limit", PAGE_SIZE + 1)
                .getResultList();
        List<Tuple> rows = new ArrayList<>(found.subList(0, Math.min(PAGE_SIZE, found.size())));
        boolean more = found.size() > PAGE_SIZE;
        if (backwards) {
            Collections.reverse(rows);
        }
        Map<Long, Duplicates> duplicates = duplicatesOf(rows.stream().map(r -> Sql.longValue(r, "id")).toList());
        List<Row> out = new ArrayList<>();
        List<QueueFilter.Cursor> positions = new ArrayList<>();
        for (Tuple r : rows) {
            long id = Sql.longValue(r, "id");
            String email = r.get("email", String.class);
            String place = Stream.of(r.get("city", String.class), r.get("region", String.class),
                            Countries.name(r.get("country", String.class)))
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
            String rawType = r.get("org_type", String.class);
            String orgType = rawType == null ? null : OrgType.parse(rawType).map(t -> t.label).orElse(rawType);
            Instant createdAt = Sql.instant(r, "created_at");
            positions.add(new QueueFilter.Cursor(createdAt, id));
            Duplicates d = duplicates.getOrDefault(id, Duplicates.NONE);
            out.add(new Row(id, Sql.longValue(r, "version"), r.get("kind", String.class), r.get("state", String.class),
                    r.get("display_name", String.class), r.get("affiliation", String.class), r.get("website", String.class),
                    r.get("website_domain", String.class), place, orgType, r.get("contact_name", String.class),
                    r.get("contact_title", String.class), email,
                    email == null ? null : email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT),
                    r.get("domain_matches", Boolean.class), dates.dateTime(createdAt),
                    Sql.intValue(r, "letter_version"), r.get("source", String.class),
                    r.get("decision_note", String.class), d.closest(), d.count(), d.atLeast(),
                    r.get("bot_signal", String.class), Boolean.TRUE.equals(r.get("disposable_email")),
                    r.get("client_ip", String.class), Boolean.TRUE.equals(r.get("email_bounced")),
                    fonts.unprintableLabels(r.get("display_name", String.class), r.get("affiliation", String.class), place)));
        }
        String next = null;
        String previous = null;
        if (!positions.isEmpty()) {
            QueueFilter.Cursor first = positions.get(0);
            QueueFilter.Cursor last = positions.get(positions.size() - 1);
            next = (backwards || more) ? last.toString() : null;
            previous = backwards ? (more ? first.toString() : null) : (cursor != null ? first.toString() : null);
        } else if (cursor != null) {
            // Past either end (the rows moved on): offer the way back.
            previous = backwards ? null : cursor.toString();
        }
        return new Page(out, Math.min(total, COUNT_CAP), capped, next, previous,
                next == null ? null : f.afterRow(QueueFilter.Cursor.parse(next)).query(),
                previous == null ? null : f.beforeRow(QueueFilter.Cursor.parse(previous)).query(),
                f.fromStart().query());
    }

    /**
     * The positions of up to {@code limit} entries of this view after {@code after} (null: from the
     * start), received up to {@code asOf}, in queue order: what a bulk action works through.
     */
    @SuppressWarnings("unchecked")
    public List<QueueFilter.Cursor> positions(long letterId, QueueFilter f, QueueFilter.Cursor after, Instant asOf, int limit) {
        Where w = where(letterId, f, null);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("asOf", asOf.atOffset(ZoneOffset.UTC));
        String keyset = "";
        if (after != null) {
            keyset = " and (s.created_at, s.id) > (:cAt, :cId)";
            params.put("cAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("cId", after.id());
        }
        List<Tuple> rows = bind(em.createNativeQuery("select s.id, s.created_at from signature s where " + w.sql()
                + " and s.created_at <= :asOf" + keyset + " order by s.created_at, s.id limit :limit", Tuple.class), params)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new QueueFilter.Cursor(Sql.instant(r, "created_at"), Sql.longValue(r, "id"))).toList();
    }

    /** How many entries this view holds, received up to {@code asOf}: exact (for a bulk action's progress). */
    public long count(long letterId, QueueFilter f, Instant asOf) {
        Where w = where(letterId, f, null);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("asOf", asOf.atOffset(ZoneOffset.UTC));
        return ((Number) bind(em.createNativeQuery("select count(*) from signature s where " + w.sql()
                + " and s.created_at <= :asOf"), params).getSingleResult()).longValue();
    }

    /** One entry, exactly as the queue shows it. */
    public Row row(long letterId, long signatureId) {
        return query(letterId, QueueFilter.of("ALL", null, null, null, null, null), signatureId).rows().stream()
                .findFirst().orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /**
     * An entry's possible duplicates: how many ({@code atLeast} when one reason reached
     * {@link #DUPLICATE_CAP}) and the closest few (most reasons first, then oldest).
     */
    public record Duplicates(int count, boolean atLeast, List<DuplicateRef> closest) {
        static final Duplicates NONE = new Duplicates(0, false, List.of());
    }

    /**
     * Possible duplicates of each given entry, with why each one matched. Each reason is one
     * index probe that stops after {@link #DUPLICATE_CAP} + 1 rows, so a hundred thousand chapters
     * sharing a website cost the same as two.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, Duplicates> duplicatesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Tuple> rows = em.createNativeQuery("""
                        select s.id as of_id, o.id, o.display_name, o.state, o.created_at,
                               (s.kind = 'ORGANIZATION' and o.kind = 'ORGANIZATION' and o.name_key = s.name_key) as same_name,
                               (s.website_domain is not null and o.website_domain = s.website_domain) as same_website,
                               (o.email_normalized = s.email_normalized) as same_email
                        from signature s
                        cross join lateral (
                            (select m.id from signature m where m.letter_id = s.letter_id
                                and m.email_normalized = s.email_normalized and m.id <> s.id and m.state <> 'WITHDRAWN' limit :cap)
                            union
                            (select m.id from signature m where s.kind = 'ORGANIZATION' and m.letter_id = s.letter_id
                                and m.name_key = s.name_key and m.kind = 'ORGANIZATION' and m.id <> s.id and m.state <> 'WITHDRAWN'
                                limit :cap)
                            union
                            (select m.id from signature m where s.website_domain is not null and m.letter_id = s.letter_id
                                and m.website_domain = s.website_domain and m.id <> s.id and m.state <> 'WITHDRAWN' limit :cap)
                        ) c
                        join signature o on o.id = c.id
                        where s.id in (:ids)""", Tuple.class)
                .setParameter("ids", ids)
                .setParameter("cap", DUPLICATE_CAP + 1)
                .getResultList();
        record Match(DuplicateRef ref, Instant createdAt) {
        }
        Map<Long, List<Match>> byEntry = new HashMap<>();
        for (Tuple r : rows) {
            List<String> reasons = new ArrayList<>();
            if (Boolean.TRUE.equals(r.get("same_name"))) {
                reasons.add(admin().duplicate_reason_name());
            }
            if (Boolean.TRUE.equals(r.get("same_website"))) {
                reasons.add(admin().duplicate_reason_website());
            }
            if (Boolean.TRUE.equals(r.get("same_email"))) {
                reasons.add(admin().duplicate_reason_email());
            }
            byEntry.computeIfAbsent(Sql.longValue(r, "of_id"), k -> new ArrayList<>()).add(new Match(
                    new DuplicateRef(Sql.longValue(r, "id"), r.get("display_name", String.class), r.get("state", String.class), reasons),
                    Sql.instant(r, "created_at")));
        }
        Map<Long, Duplicates> out = new HashMap<>();
        byEntry.forEach((id, matches) -> {
            boolean atLeast = Stream.of("same name", "same website", "same email").anyMatch(reason ->
                    matches.stream().filter(m -> m.ref().reasons().contains(reason)).count() > DUPLICATE_CAP);
            List<DuplicateRef> closest = matches.stream()
                    .sorted(Comparator.<Match>comparingInt(m -> -m.ref().reasons().size())
                            .thenComparing(m -> !m.ref().reasons().contains("same email"))
                            .thenComparing(Match::createdAt)
                            .thenComparingLong(m -> m.ref().id()))
                    .limit(DUPLICATE_HINTS).map(Match::ref).toList();
            out.put(id, new Duplicates(matches.size(), atLeast, closest));
        });
        return out;
    }

    private static Query bind(Query q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }

}
