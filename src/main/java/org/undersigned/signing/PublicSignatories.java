package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.undersigned.infra.RowCursor;
import org.undersigned.web.Countries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public side of signatures: approved entries only, public fields only, in reading order
 * (organizations first, then individuals; each by {@link NameKeys#sortKey}). Nothing here can
 * return a contact detail, because nothing here selects one.
 */
@ApplicationScoped
public class PublicSignatories {

    /** One line of the public list. */
    public record Signatory(String kind, String name, String affiliation, String website, String websiteHost,
                            String place, String city, String region, String country, String orgType, String category) {
        public boolean organization() {
            return SignatoryKind.ORGANIZATION.name().equals(kind);
        }
    }

    /**
     * One run of the list in reading order: a kind and, when the letter has categories, one of
     * them ({@code categoryKey} 0 for entries without one, last). {@code categoryKey} null: the
     * whole kind (a letter without categories).
     */
    public record Group(SignatoryKind kind, Long categoryKey, String categoryName) {
        /** The condition this group adds to a query (a number from the database, never user input). */
        String where() {
            return categoryKey == null ? "" : " and coalesce(category_id, 0) = " + categoryKey.longValue();
        }
    }

    public record Counts(long organizations, long individuals) {
        public long total() {
            return organizations + individuals;
        }

        public String totalText() {
            return String.format("%,d", total());
        }

        /** "Signed by 40 organizations and 112 individuals". */
        public String line() {
            if (total() == 0) {
                return "No signatures yet";
            }
            String orgs = plural(organizations, "organization", "organizations");
            String people = plural(individuals, "individual", "individuals");
            if (individuals == 0) {
                return "Signed by " + orgs;
            }
            if (organizations == 0) {
                return "Signed by " + people;
            }
            return "Signed by " + orgs + " and " + people;
        }

        private static String plural(long n, String one, String many) {
            return String.format("%,d", n) + " " + (n == 1 ? one : many);
        }
    }

    public record Page(List<Signatory> items, long total, int page, int pages, String query) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public List<Signatory> organizations() {
            return items.stream().filter(Signatory::organization).toList();
        }

        public List<Signatory> individuals() {
            return items.stream().filter(s -> !s.organization()).toList();
        }

        /** The organizations on this page in runs of one category each (one run without categories). */
        public List<Run> organizationRuns() {
            return Run.of(organizations());
        }

        public List<Run> individualRuns() {
            return Run.of(individuals());
        }

        /** The query as it goes back into a link, with "&q=" in front; empty without a query. */
        public String queryParam() {
            return query == null || query.isBlank() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        }
    }

    private static final String COLUMNS = "kind, display_name, affiliation, website, city, region, country, org_type, category_id";

    /** Consecutive signatories of one category, under its heading (none for entries without one). */
    public record Run(String category, List<Signatory> items) {
        public static List<Run> of(List<Signatory> list) {
            List<Run> out = new ArrayList<>();
            List<Signatory> current = new ArrayList<>();
            String category = null;
            for (Signatory s : list) {
                if (!current.isEmpty() && !Objects.equals(category, s.category())) {
                    out.add(new Run(category, current));
                    current = new ArrayList<>();
                }
                category = s.category();
                current.add(s);
            }
            if (!current.isEmpty()) {
                out.add(new Run(category, current));
            }
            return out;
        }
    }

    /** Which version of the public list a letter shows, and when it last changed. */
    public record ListState(long version, java.time.Instant changedAt) {
    }

    /** Receives the signatories of a streamed read, one at a time. */
    @FunctionalInterface
    public interface SignatoryHandler {
        void accept(Signatory signatory) throws java.io.IOException;
    }

    @Inject
    EntityManager em;

    @Inject
    RowCursor cursor;

    public Counts counts(long letterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select kind, count(*) from signature where letter_id = ?1 and state = 'APPROVED' group by kind")
                .setParameter(1, letterId)
                .getResultList();
        long orgs = 0;
        long people = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            if (SignatoryKind.ORGANIZATION.name().equals(row[0])) {
                orgs = n;
            } else {
                people = n;
            }
        }
        return new Counts(orgs, people);
    }

    /**
     * The letter's list version: the highest change number among its signatures (see the V3
     * migration). One index lookup, no shared counter.
     */
    public ListState listState(long letterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select list_seq, list_changed_at from signature where letter_id = ?1 and list_seq > 0"
                        + " order by list_seq desc limit 1")
                .setParameter(1, letterId).getResultList();
        if (rows.isEmpty()) {
            return new ListState(0, null);
        }
        Object changed = rows.get(0)[1];
        java.time.Instant at = changed == null ? null : changed instanceof java.time.Instant i ? i
                : changed instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) changed).toInstant();
        return new ListState(((Number) rows.get(0)[0]).longValue(), at);
    }

    /**
     * Every approved signatory in reading order, handed over one at a time, read in keyset batches
     * of {@link RowCursor#BATCH} over the index {@code signature_public_list (letter_id, kind,
     * sort_key, id)}: constant memory at any size, and no connection held while the caller writes.
     * Returns how many there were. Call outside a transaction.
     */
    public long forEach(long letterId, SignatoryHandler handler) throws java.io.IOException {
        long n = 0;
        for (Group group : groups(letterId)) {
            for (Signatory s : lazily(letterId, group)) {
                handler.accept(s);
                n++;
            }
        }
        return n;
    }

    /**
     * The runs the list is read in: organizations, then individuals; within each, the letter's
     * categories in the editors' order and then entries without one. A letter without categories
     * has one run per kind.
     */
    public List<Group> groups(long letterId) {
        Map<Long, String> categories = categoryNames(letterId);
        List<Group> out = new ArrayList<>();
        for (SignatoryKind kind : List.of(SignatoryKind.ORGANIZATION, SignatoryKind.INDIVIDUAL)) {
            if (categories.isEmpty()) {
                out.add(new Group(kind, null, null));
                continue;
            }
            categories.forEach((id, name) -> out.add(new Group(kind, id, name)));
            out.add(new Group(kind, 0L, null));
        }
        return out;
    }

    /**
     * The letter's categories in order: id to name (a few rows). Read through {@link RowCursor}
     * so streamed exports can call it while writing, outside any request transaction.
     */
    public Map<Long, String> categoryNames(long letterId) {
        record Category(long id, String name) {
        }
        Map<Long, String> out = new LinkedHashMap<>();
        for (Category c : cursor.list("select id, name from letter_category where letter_id = ? order by position, id",
                row -> new Category(row.getLong("id"), row.getString("name")), letterId)) {
            out.put(c.id(), c.name());
        }
        return out;
    }

    /** Approved signatories per group (kind and category), for the page's paging and the PDF's headings. */
    @SuppressWarnings("unchecked")
    public Map<Group, Long> groupCounts(long letterId) {
        Map<Long, String> categories = categoryNames(letterId);
        List<jakarta.persistence.Tuple> rows = em.createNativeQuery("""
                        select kind, coalesce(category_id, 0) as category, count(*) as n from signature
                        where letter_id = ?1 and state = 'APPROVED' group by 1, 2""", jakarta.persistence.Tuple.class)
                .setParameter(1, letterId).getResultList();
        Map<String, Long> byKey = new java.util.HashMap<>();
        for (jakarta.persistence.Tuple r : rows) {
            byKey.merge(r.get("kind") + "/" + (categories.isEmpty() ? "" : ((Number) r.get("category")).longValue()),
                    ((Number) r.get("n")).longValue(), Long::sum);
        }
        Map<Group, Long> out = new LinkedHashMap<>();
        for (Group g : groups(letterId)) {
            out.put(g, byKey.getOrDefault(g.kind().name() + "/" + (g.categoryKey() == null ? "" : g.categoryKey()), 0L));
        }
        return out;
    }

    /**
     * The approved signatories of one kind in reading order, fetched lazily in keyset batches of
     * {@link RowCursor#BATCH} as the iteration goes: what the PDF draws, so a million names are
     * never in memory at once. Each iteration reads afresh.
     */
    public Iterable<Signatory> lazily(long letterId, SignatoryKind kind) {
        return lazily(letterId, new Group(kind, null, null));
    }

    /**
     * One group's signatories in reading order, lazily in keyset batches: over
     * {@code signature_public_list (letter_id, kind, sort_key, id)} for a whole kind, over
     * {@code signature_category_list (letter_id, coalesce(category_id, 0), kind, sort_key, id)}
     * for one category.
     */
    public Iterable<Signatory> lazily(long letterId, Group group) {
        String sql = "select " + COLUMNS + ", sort_key, id from signature where letter_id = ? and state = 'APPROVED'"
                + " and kind = ?" + group.where() + " %s order by sort_key, id limit " + RowCursor.BATCH;
        record Row(String sortKey, long id, Signatory signatory) {
        }
        Map<Long, String> categories = group.categoryKey() == null ? Map.of() : categoryNames(letterId);
        String kind = group.kind().name();
        RowCursor.RowMapper<Row> mapper = row -> new Row(row.getString("sort_key"), row.getLong("id"),
                toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                        row.getString("website"), row.getString("city"), row.getString("region"),
                        row.getString("country"), row.getString("org_type"),
                        row.getObject("category_id") == null ? null : categories.get(row.getLong("category_id"))));
        return () -> new java.util.Iterator<>() {
            private List<Row> batch = cursor.list(sql.formatted(""), mapper, letterId, kind);
            private int next;

            @Override
            public boolean hasNext() {
                if (next < batch.size()) {
                    return true;
                }
                if (batch.size() < RowCursor.BATCH) {
                    return false;
                }
                Row last = batch.get(batch.size() - 1);
                batch = cursor.list(sql.formatted("and (sort_key, id) > (?, ?)"), mapper, letterId, kind,
                        last.sortKey(), last.id());
                next = 0;
                return !batch.isEmpty();
            }

            @Override
            public Signatory next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return batch.get(next++).signatory();
            }
        };
    }

    /** Whether any approved signatory gives an affiliation (the PDF then adds a footnote). */
    public boolean anyAffiliation(long letterId) {
        return !em.createNativeQuery("select 1 from signature where letter_id = ?1 and state = 'APPROVED'"
                + " and affiliation is not null limit 1").setParameter(1, letterId).getResultList().isEmpty();
    }

    /** The first {@code limit} signatories in reading order. */
    public List<Signatory> first(long letterId, int limit) {
        return search(letterId, null, 1, limit).items();
    }

    /**
     * One page of the full list, optionally filtered by a case- and accent-insensitive search.
     * Without a search the page walks the groups (kinds, and categories where the letter has
     * them) so the list reads grouped; a search lists matches by kind.
     */
    public Page search(long letterId, String query, int page, int size) {
        String q = query == null || query.isBlank() ? null : NameKeys.searchKey(query);
        Map<Group, Long> groups;
        if (q == null) {
            groups = groupCounts(letterId);
        } else {
            Counts matching = matchingCounts(letterId, q);
            groups = new LinkedHashMap<>();
            groups.put(new Group(SignatoryKind.ORGANIZATION, null, null), matching.organizations());
            groups.put(new Group(SignatoryKind.INDIVIDUAL, null, null), matching.individuals());
        }
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        long offset = (long) (current - 1) * size;
        List<Signatory> items = new ArrayList<>();
        Map<Long, String> categories = categoryNames(letterId);
        for (Map.Entry<Group, Long> g : groups.entrySet()) {
            if (items.size() >= size) {
                break;
            }
            if (offset >= g.getValue()) {
                offset -= g.getValue();
                continue;
            }
            items.addAll(page(letterId, g.getKey(), q, offset, size - items.size(), categories));
            offset = 0;
        }
        return new Page(items, total, current, pages, query);
    }

    private Counts matchingCounts(long letterId, String q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, count(*) from signature where letter_id = ?1"
                        + " and state = 'APPROVED' and sort_key like ?2 escape '\\' group by kind")
                .setParameter(1, letterId)
                .setParameter(2, like(q))
                .getResultList();
        long orgs = 0;
        long people = 0;
        for (Object[] row : rows) {
            if (SignatoryKind.ORGANIZATION.name().equals(row[0])) {
                orgs = ((Number) row[1]).longValue();
            } else {
                people = ((Number) row[1]).longValue();
            }
        }
        return new Counts(orgs, people);
    }

    @SuppressWarnings("unchecked")
    private List<Signatory> page(long letterId, Group group, String q, long offset, int limit, Map<Long, String> categories) {
        String sql = "select " + COLUMNS + " from signature where letter_id = ?1 and state = 'APPROVED' and kind = ?2"
                + group.where()
                + (q == null ? "" : " and sort_key like ?5 escape '\\'")
                + " order by sort_key, id offset ?3 limit ?4";
        var query = em.createNativeQuery(sql, jakarta.persistence.Tuple.class)
                .setParameter(1, letterId)
                .setParameter(2, group.kind().name())
                .setParameter(3, offset)
                .setParameter(4, limit);
        if (q != null) {
            query.setParameter(5, like(q));
        }
        List<jakarta.persistence.Tuple> rows = query.getResultList();
        return rows.stream().map(r -> toSignatory((String) r.get("kind"), (String) r.get("display_name"),
                (String) r.get("affiliation"), (String) r.get("website"), (String) r.get("city"), (String) r.get("region"),
                (String) r.get("country"), (String) r.get("org_type"),
                r.get("category_id") == null ? null : categories.get(((Number) r.get("category_id")).longValue()))).toList();
    }

    private static Signatory toSignatory(String kind, String name, String affiliation, String website, String city,
                                         String region, String country, String rawOrgType, String category) {
        boolean org = SignatoryKind.ORGANIZATION.name().equals(kind);
        String place = Stream.of(city, region, org ? Countries.name(country) : null)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String orgType = rawOrgType == null ? null : OrgType.parse(rawOrgType).map(t -> t.label).orElse(null);
        return new Signatory(kind, name, affiliation, website,
                website == null ? null : Websites.domain(website), place.isEmpty() ? null : place,
                city, region, country, orgType, category);
    }

    private static String like(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
