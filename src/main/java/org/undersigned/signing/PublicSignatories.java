package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
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

        /** The same line in the reader's language, with numbers written their way. */
        public String line(org.undersigned.web.Msg msg, org.undersigned.web.Language language) {
            if (total() == 0) {
                return msg.count_none();
            }
            String orgs = msg.count_organizations(organizations, org.undersigned.web.Dates.number(organizations, language));
            String people = msg.count_individuals(individuals, org.undersigned.web.Dates.number(individuals, language));
            if (individuals == 0) {
                return msg.count_signed_by(orgs);
            }
            if (organizations == 0) {
                return msg.count_signed_by(people);
            }
            return msg.count_signed_by_both(orgs, people);
        }

        public String totalText(org.undersigned.web.Language language) {
            return org.undersigned.web.Dates.number(total(), language);
        }

        private static String plural(long n, String one, String many) {
            return String.format("%,d", n) + " " + (n == 1 ? one : many);
        }
    }

    /**
     * One page of the public list, reached by keyset: {@code next} and {@code previous} are the
     * positions to continue from (null at either end). {@code page} is the page number the reader
     * carried along in the link, for display only.
     */
    public record Page(List<Signatory> items, long total, int page, int pages, String query,
                       Position next, Position previous) {
        public boolean hasPrevious() {
            return previous != null;
        }

        public boolean hasNext() {
            return next != null;
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

        /** The link parameters of the next page (without the leading "?"). */
        public String nextParams() {
            return next == null ? "" : "after=" + next.token() + "&page=" + (page + 1) + queryParam();
        }

        /** The link parameters of the previous page (without the leading "?"). */
        public String previousParams() {
            return previous == null ? "" : "before=" + previous.token() + "&page=" + Math.max(1, page - 1) + queryParam();
        }
    }

    /**
     * A place in the reading order (organizations first; within a kind, the letter's categories in
     * order where it has them; then by sort key and id), written into page links as an opaque
     * token: the next page is "the first rows after this", which the indexes
     * {@code signature_public_list} and {@code signature_category_list} serve at any depth.
     * {@code categoryKey} is the group's (null for a letter without categories, 0 for entries without one).
     */
    public record Position(SignatoryKind kind, Long categoryKey, String sortKey, long id) {
        public String token() {
            String raw = kind.ordinal() + ":" + (categoryKey == null ? "" : categoryKey) + ":" + id + ":" + sortKey;
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        boolean in(Group group) {
            return group.kind() == kind && Objects.equals(group.categoryKey(), categoryKey);
        }

        /** The position a token names, or empty for anything that is not a token this class wrote. */
        public static java.util.Optional<Position> parse(String token) {
            if (token == null || token.isBlank() || token.length() > 1_000) {
                return java.util.Optional.empty();
            }
            try {
                String raw = new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = raw.split(":", 4);
                int kind = Integer.parseInt(parts[0]);
                Long category = parts[1].isEmpty() ? null : Long.parseLong(parts[1]);
                return java.util.Optional.of(new Position(SignatoryKind.values()[kind], category, parts[3], Long.parseLong(parts[2])));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
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
        List<Tuple> rows = em.createNativeQuery(
                        "select kind, count(*) as n from signature where letter_id = ?1 and state = 'APPROVED' group by kind",
                        Tuple.class)
                .setParameter(1, letterId)
                .getResultList();
        return countsByKind(rows);
    }

    private static Counts countsByKind(List<Tuple> rows) {
        long orgs = 0;
        long people = 0;
        for (Tuple row : rows) {
            long n = Sql.longValue(row, "n");
            if (SignatoryKind.ORGANIZATION.name().equals(Sql.string(row, "kind"))) {
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
        List<Tuple> rows = em.createNativeQuery("select list_seq, list_changed_at from signature where letter_id = ?1 and list_seq > 0"
                        + " order by list_seq desc limit 1", Tuple.class)
                .setParameter(1, letterId).getResultList();
        if (rows.isEmpty()) {
            return new ListState(0, null);
        }
        return new ListState(Sql.longValue(rows.get(0), "list_seq"), Sql.instant(rows.get(0), "list_changed_at"));
    }

    /**
     * Every approved signatory in reading order, handed over one at a time, read in keyset batches
     * of {@link RowCursor#BATCH} over the index {@code signature_public_list (letter_id, kind,
     * sort_key, id)}: constant memory at any size, and no connection held while the caller writes.
     * Returns how many there were. Call outside a transaction.
     */
    public long forEach(long letterId, SignatoryHandler handler) throws java.io.IOException {
        Map<Long, String> categories = categoryNames(letterId);
        long n = 0;
        for (Group group : groups(letterId)) {
            RowCursor.RowMapper<Row> mapper = rowMapper(group, categories);
            n += cursor.<Row>walk(last -> oneGroup(letterId, group, null, last == null ? null : last.position(), false,
                    RowCursor.BATCH, mapper), batch -> {
                for (Row r : batch) {
                    handler.accept(r.signatory());
                }
            });
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
        List<Tuple> rows = em.createNativeQuery("""
                        select kind, coalesce(category_id, 0) as category, count(*) as n from signature
                        where letter_id = ?1 and state = 'APPROVED' group by 1, 2""", Tuple.class)
                .setParameter(1, letterId).getResultList();
        Map<String, Long> byKey = new java.util.HashMap<>();
        for (Tuple r : rows) {
            byKey.merge(Sql.string(r, "kind") + "/" + (categories.isEmpty() ? "" : Sql.longValue(r, "category")),
                    Sql.longValue(r, "n"), Long::sum);
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

    /** One heading of a grouped list and its entries (see {@link #grouped}). */
    /**
     * What a group of the grouped list is called, in any language: its kind, and (when the list
     * is grouped for that kind) the region as typed or the kind of organization; neither means the
     * entries that gave none ("Other").
     */
    public record GroupName(SignatoryKind kind, boolean grouped, String region, OrgType orgType) {
        public String in(org.undersigned.web.Msg msg) {
            String what = kind == SignatoryKind.ORGANIZATION ? msg.letter_organizations() : msg.letter_individuals();
            if (!grouped) {
                return what;
            }
            return what + ": " + (region != null ? region : orgType != null ? orgType.label(msg) : msg.orgtype_OTHER());
        }
    }

    public record Heading(GroupName name, Iterable<Signatory> signatories) {
    }

    /** A signatory with the group it is listed under. */
    private record Grouped(SignatoryKind kind, String key, GroupName name, Signatory signatory) {
        boolean sameGroup(Grouped other) {
            return other != null && kind == other.kind && Objects.equals(key, other.key);
        }
    }

    /**
     * The approved signatories under headings, as the grouped PDF prints them: organizations, then
     * individuals; by region (case-insensitive, as typed first) or, for organizations, by kind of
     * organization; entries without a value last, under "Other"; reading order inside each group.
     * One ordered query read through a server-side cursor ({@link RowCursor#open}) inside the
     * caller's transaction: one snapshot, constant memory at any size. Single pass: the groups and
     * their entries are read in order, once (a group not read to its end is skipped over).
     */
    public Iterable<Heading> grouped(long letterId, org.undersigned.letter.PdfGrouping by) {
        boolean region = by == org.undersigned.letter.PdfGrouping.REGION;
        String[] typeOrder = java.util.Arrays.stream(OrgType.values())
                .sorted(java.util.Comparator.comparing((OrgType t) -> t.label.toLowerCase())).map(Enum::name).toArray(String[]::new);
        String groupOrder = region ? "nullif(btrim(region), '') is null, lower(nullif(btrim(region), ''))"
                : "kind = 'ORGANIZATION' and array_position(?::text[], org_type) is null,"
                + " case when kind = 'ORGANIZATION' then array_position(?::text[], org_type) end";
        String sql = "select " + COLUMNS + " from signature where letter_id = ? and state = 'APPROVED'"
                + " order by kind <> 'ORGANIZATION', " + groupOrder + ", sort_key, id";
        Object[] params = region ? new Object[]{letterId} : new Object[]{letterId, typeOrder, typeOrder};
        Map<Long, String> categories = categoryNames(letterId);
        RowCursor.RowMapper<Grouped> mapper = row -> {
            Signatory s = toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                    row.getString("website"), row.getString("city"), row.getString("region"),
                    row.getString("country"), row.getString("org_type"),
                    row.getObject("category_id") == null ? null : categories.get(row.getLong("category_id")));
            SignatoryKind kind = SignatoryKind.valueOf(s.kind());
            if (!region && kind == SignatoryKind.INDIVIDUAL) {
                return new Grouped(kind, "", new GroupName(kind, false, null, null), s);
            }
            if (region) {
                String value = s.region() == null || s.region().isBlank() ? null : s.region().strip();
                return new Grouped(kind, value == null ? null : value.toLowerCase(java.util.Locale.ROOT),
                        new GroupName(kind, true, value, null), s);
            }
            OrgType type = OrgType.parse(row.getString("org_type")).orElse(null);
            return new Grouped(kind, type == null ? null : type.name(), new GroupName(kind, true, null, type), s);
        };
        return () -> new java.util.Iterator<>() {
            private final RowCursor.Rows<Grouped> rows = cursor.open(sql, mapper, params);
            private Grouped current;

            @Override
            public boolean hasNext() {
                while (current != null && current.sameGroup(rows.peek())) {
                    rows.next(); // the rest of a group its reader left unread
                }
                return rows.hasNext();
            }

            @Override
            public Heading next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Grouped first = rows.peek();
                current = first;
                return new Heading(first.name(), () -> new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return first.sameGroup(rows.peek());
                    }

                    @Override
                    public Signatory next() {
                        if (!hasNext()) {
                            throw new java.util.NoSuchElementException();
                        }
                        return rows.next().signatory();
                    }
                });
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
        return forward(letterId, groups(letterId), null, null, limit).stream().map(Row::signatory).toList();
    }

    /**
     * One page of the full list, optionally filtered by a case- and accent-insensitive search:
     * the {@code size} entries after {@code after}, or before {@code before}, or the first ones.
     * Without a search the list walks the groups (kinds, and categories where the letter has them)
     * so it reads grouped; a search lists matches by kind. Keyset only, so a reader deep in a
     * million names costs what the first page costs.
     */
    public Page search(long letterId, String query, Position after, Position before, int page, int size) {
        String q = query == null || query.isBlank() ? null : NameKeys.searchKey(query);
        Counts counts = q == null ? counts(letterId) : matchingCounts(letterId, q);
        List<Group> groups = q == null ? groups(letterId)
                : List.of(new Group(SignatoryKind.ORGANIZATION, null, null), new Group(SignatoryKind.INDIVIDUAL, null, null));
        if (after != null && groups.stream().noneMatch(after::in)) {
            after = null; // a link from before the letter's categories changed: start again
        }
        if (before != null && groups.stream().noneMatch(before::in)) {
            before = null;
        }
        long total = counts.total();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        List<Row> rows;
        boolean more;
        boolean earlier;
        if (before != null) {
            List<Row> back = backward(letterId, groups, q, before, size + 1);
            earlier = back.size() > size;
            if (!earlier) {
                // Back at the start: show the full first page, as the first page always looks.
                List<Row> fromStart = forward(letterId, groups, q, null, size + 1);
                more = fromStart.size() > size;
                rows = fromStart.subList(0, Math.min(size, fromStart.size()));
                page = 1;
            } else {
                rows = new ArrayList<>(back.subList(0, size));
                java.util.Collections.reverse(rows);
                more = true;
            }
        } else {
            List<Row> ahead = forward(letterId, groups, q, after, size + 1);
            more = ahead.size() > size;
            rows = ahead.subList(0, Math.min(size, ahead.size()));
            earlier = after != null && !rows.isEmpty();
            if (after == null) {
                page = 1;
            }
        }
        int current = Math.min(Math.max(1, page), pages);
        Position next = more && !rows.isEmpty() ? rows.get(rows.size() - 1).position() : null;
        Position previous = earlier ? rows.get(0).position() : null;
        return new Page(rows.stream().map(Row::signatory).toList(), total, current, pages, query, next, previous);
    }

    /** A signatory with its place in the reading order. */
    private record Row(Position position, Signatory signatory) {
    }

    private static RowCursor.RowMapper<Row> rowMapper(Group group, Map<Long, String> categories) {
        return row -> new Row(new Position(group.kind(), group.categoryKey(), row.getString("sort_key"), row.getLong("id")),
                toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                        row.getString("website"), row.getString("city"), row.getString("region"),
                        row.getString("country"), row.getString("org_type"),
                        row.getObject("category_id") == null ? null : categories.get(row.getLong("category_id"))));
    }

    /** Up to {@code limit} rows after {@code from} (or from the start) in reading order, across groups. */
    private List<Row> forward(long letterId, List<Group> groups, String q, Position from, int limit) {
        Map<Long, String> categories = categoryNames(letterId);
        List<Row> out = new ArrayList<>();
        boolean reached = from == null;
        for (Group group : groups) {
            if (out.size() >= limit) {
                break;
            }
            Position start = null;
            if (!reached) {
                if (!from.in(group)) {
                    continue;
                }
                reached = true;
                start = from;
            }
            out.addAll(oneGroup(letterId, group, q, start, false, limit - out.size(), rowMapper(group, categories)));
        }
        return out;
    }

    /** Up to {@code limit} rows before {@code from}, nearest first, across groups. */
    private List<Row> backward(long letterId, List<Group> groups, String q, Position from, int limit) {
        Map<Long, String> categories = categoryNames(letterId);
        List<Row> out = new ArrayList<>();
        int at = 0;
        while (!from.in(groups.get(at))) {
            at++;
        }
        for (int g = at; g >= 0 && out.size() < limit; g--) {
            Group group = groups.get(g);
            out.addAll(oneGroup(letterId, group, q, g == at ? from : null, true, limit - out.size(), rowMapper(group, categories)));
        }
        return out;
    }

    private List<Row> oneGroup(long letterId, Group group, String q, Position from, boolean backwards, int limit,
                               RowCursor.RowMapper<Row> mapper) {
        List<Object> params = new ArrayList<>(List.of(letterId, group.kind().name()));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", sort_key, id from signature"
                + " where letter_id = ? and state = 'APPROVED' and kind = ?" + group.where());
        if (q != null) {
            sql.append(" and sort_key like ? escape '\\'");
            params.add(Sql.containing(q));
        }
        if (from != null) {
            sql.append(backwards ? " and (sort_key, id) < (?, ?)" : " and (sort_key, id) > (?, ?)");
            params.add(from.sortKey());
            params.add(from.id());
        }
        sql.append(backwards ? " order by sort_key desc, id desc" : " order by sort_key, id").append(" limit ").append(limit);
        return cursor.list(sql.toString(), mapper, params.toArray());
    }

    private Counts matchingCounts(long letterId, String q) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select kind, count(*) as n from signature where letter_id = ?1"
                        + " and state = 'APPROVED' and sort_key like ?2 escape '\\' group by kind", Tuple.class)
                .setParameter(1, letterId)
                .setParameter(2, Sql.containing(q))
                .getResultList();
        return countsByKind(rows);
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
