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
import java.util.List;
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
                            String place, String city, String region, String country, String orgType) {
        public boolean organization() {
            return SignatoryKind.ORGANIZATION.name().equals(kind);
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
     * A place in the reading order (organizations first, each kind by sort key, then id), written
     * into page links as an opaque token: the next page is "the first rows after this", which the
     * index {@code signature_public_list (letter_id, kind, sort_key, id)} serves at any depth.
     */
    public record Position(SignatoryKind kind, String sortKey, long id) {
        public String token() {
            String raw = kind.ordinal() + ":" + id + ":" + sortKey;
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** The position a token names, or empty for anything that is not a token this class wrote. */
        public static java.util.Optional<Position> parse(String token) {
            if (token == null || token.isBlank() || token.length() > 1_000) {
                return java.util.Optional.empty();
            }
            try {
                String raw = new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = raw.split(":", 3);
                int kind = Integer.parseInt(parts[0]);
                return java.util.Optional.of(new Position(SignatoryKind.values()[kind], parts[2], Long.parseLong(parts[1])));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }
    }

    private static final String COLUMNS = "kind, display_name, affiliation, website, city, region, country, org_type";

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
        record Row(String sortKey, long id, Signatory signatory) {
        }
        String sql = "select " + COLUMNS + ", sort_key, id from signature where letter_id = ? and state = 'APPROVED'"
                + " and kind = ? %s order by sort_key, id limit " + RowCursor.BATCH;
        long n = 0;
        for (SignatoryKind kind : List.of(SignatoryKind.ORGANIZATION, SignatoryKind.INDIVIDUAL)) {
            RowCursor.RowMapper<Row> mapper = row -> new Row(row.getString("sort_key"), row.getLong("id"),
                    toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                            row.getString("website"), row.getString("city"), row.getString("region"),
                            row.getString("country"), row.getString("org_type")));
            n += cursor.<Row>walk(last -> last == null ? cursor.list(sql.formatted(""), mapper, letterId, kind.name())
                    : cursor.list(sql.formatted("and (sort_key, id) > (?, ?)"), mapper, letterId, kind.name(),
                    last.sortKey(), last.id()), batch -> {
                for (Row r : batch) {
                    handler.accept(r.signatory());
                }
            });
        }
        return n;
    }

    /**
     * The approved signatories of one kind in reading order, fetched lazily in keyset batches of
     * {@link RowCursor#BATCH} as the iteration goes: what the PDF draws, so a million names are
     * never in memory at once. Each iteration reads afresh.
     */
    public Iterable<Signatory> lazily(long letterId, SignatoryKind kind) {
        String sql = "select " + COLUMNS + ", sort_key, id from signature where letter_id = ? and state = 'APPROVED'"
                + " and kind = ? %s order by sort_key, id limit " + RowCursor.BATCH;
        record Row(String sortKey, long id, Signatory signatory) {
        }
        RowCursor.RowMapper<Row> mapper = row -> new Row(row.getString("sort_key"), row.getLong("id"),
                toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                        row.getString("website"), row.getString("city"), row.getString("region"),
                        row.getString("country"), row.getString("org_type")));
        return () -> new java.util.Iterator<>() {
            private List<Row> batch = cursor.list(sql.formatted(""), mapper, letterId, kind.name());
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
                batch = cursor.list(sql.formatted("and (sort_key, id) > (?, ?)"), mapper, letterId, kind.name(),
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
    public record Group(String heading, Iterable<Signatory> signatories) {
    }

    /** A signatory with the group it is listed under. */
    private record Grouped(SignatoryKind kind, String key, String heading, Signatory signatory) {
        boolean sameGroup(Grouped other) {
            return other != null && kind == other.kind && Objects.equals(key, other.key);
        }
    }

    /**
     * The approved signatories under headings, as the grouped PDF prints them: organizations, then
     * individuals; by region (case-insensitive, as typed first) or, for organizations, by kind of
     * organization; entries without a value last, under "other"; reading order inside each group.
     * One ordered query read through a server-side cursor ({@link RowCursor#open}) inside the
     * caller's transaction: one snapshot, constant memory at any size. Single pass: the groups and
     * their entries are read in order, once (a group not read to its end is skipped over).
     */
    public Iterable<Group> grouped(long letterId, org.undersigned.letter.PdfGrouping by) {
        boolean region = by == org.undersigned.letter.PdfGrouping.REGION;
        String[] typeOrder = java.util.Arrays.stream(OrgType.values())
                .sorted(java.util.Comparator.comparing((OrgType t) -> t.label.toLowerCase())).map(Enum::name).toArray(String[]::new);
        String groupOrder = region ? "nullif(btrim(region), '') is null, lower(nullif(btrim(region), ''))"
                : "kind = 'ORGANIZATION' and array_position(?::text[], org_type) is null,"
                + " case when kind = 'ORGANIZATION' then array_position(?::text[], org_type) end";
        String sql = "select " + COLUMNS + " from signature where letter_id = ? and state = 'APPROVED'"
                + " order by kind <> 'ORGANIZATION', " + groupOrder + ", sort_key, id";
        Object[] params = region ? new Object[]{letterId} : new Object[]{letterId, typeOrder, typeOrder};
        RowCursor.RowMapper<Grouped> mapper = row -> {
            Signatory s = toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                    row.getString("website"), row.getString("city"), row.getString("region"),
                    row.getString("country"), row.getString("org_type"));
            SignatoryKind kind = SignatoryKind.valueOf(s.kind());
            String what = kind == SignatoryKind.ORGANIZATION ? "Organizations" : "Individuals";
            if (!region && kind == SignatoryKind.INDIVIDUAL) {
                return new Grouped(kind, "", what, s);
            }
            String value = region ? (s.region() == null || s.region().isBlank() ? null : s.region().strip()) : s.orgType();
            return new Grouped(kind, value == null ? null : value.toLowerCase(java.util.Locale.ROOT), what + ": " + (value == null ? "other" : value), s);
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
            public Group next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Grouped first = rows.peek();
                current = first;
                return new Group(first.heading(), () -> new java.util.Iterator<>() {
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
        return forward(letterId, null, null, limit).stream().map(Row::signatory).toList();
    }

    /**
     * One page of the full list, optionally filtered by a case- and accent-insensitive search:
     * the {@code size} entries after {@code after}, or before {@code before}, or the first ones.
     * Keyset only, so a reader deep in a million names costs what the first page costs.
     */
    public Page search(long letterId, String query, Position after, Position before, int page, int size) {
        String q = query == null || query.isBlank() ? null : NameKeys.searchKey(query);
        Counts counts = q == null ? counts(letterId) : matchingCounts(letterId, q);
        long total = counts.total();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        List<Row> rows;
        boolean more;
        boolean earlier;
        if (before != null) {
            List<Row> back = backward(letterId, q, before, size + 1);
            earlier = back.size() > size;
            if (!earlier) {
                // Back at the start: show the full first page, as the first page always looks.
                before = null;
                after = null;
                List<Row> fromStart = forward(letterId, q, null, size + 1);
                more = fromStart.size() > size;
                rows = fromStart.subList(0, Math.min(size, fromStart.size()));
                page = 1;
            } else {
                rows = new ArrayList<>(back.subList(0, size));
                java.util.Collections.reverse(rows);
                more = true;
            }
        } else {
            List<Row> ahead = forward(letterId, q, after, size + 1);
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

    private static final RowCursor.RowMapper<Row> ROW = row -> new Row(
            new Position(SignatoryKind.valueOf(row.getString("kind")), row.getString("sort_key"), row.getLong("id")),
            toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                    row.getString("website"), row.getString("city"), row.getString("region"),
                    row.getString("country"), row.getString("org_type")));

    /** Up to {@code limit} rows after {@code from} (or from the start) in reading order, across kinds. */
    private List<Row> forward(long letterId, String q, Position from, int limit) {
        List<Row> out = new ArrayList<>();
        for (SignatoryKind kind : SignatoryKind.values()) {
            if (out.size() >= limit || (from != null && kind.ordinal() < from.kind().ordinal())) {
                continue;
            }
            Position start = from != null && kind == from.kind() ? from : null;
            out.addAll(oneKind(letterId, kind, q, start, false, limit - out.size()));
        }
        return out;
    }

    /** Up to {@code limit} rows before {@code from}, nearest first, across kinds. */
    private List<Row> backward(long letterId, String q, Position from, int limit) {
        List<Row> out = new ArrayList<>();
        SignatoryKind[] kinds = SignatoryKind.values();
        for (int k = from.kind().ordinal(); k >= 0 && out.size() < limit; k--) {
            Position start = kinds[k] == from.kind() ? from : null;
            out.addAll(oneKind(letterId, kinds[k], q, start, true, limit - out.size()));
        }
        return out;
    }

    private List<Row> oneKind(long letterId, SignatoryKind kind, String q, Position from, boolean backwards, int limit) {
        List<Object> params = new ArrayList<>(List.of(letterId, kind.name()));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", sort_key, id from signature"
                + " where letter_id = ? and state = 'APPROVED' and kind = ?");
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
        return cursor.list(sql.toString(), ROW, params.toArray());
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
                                         String region, String country, String rawOrgType) {
        boolean org = SignatoryKind.ORGANIZATION.name().equals(kind);
        String place = Stream.of(city, region, org ? Countries.name(country) : null)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String orgType = rawOrgType == null ? null : OrgType.parse(rawOrgType).map(t -> t.label).orElse(null);
        return new Signatory(kind, name, affiliation, website,
                website == null ? null : Websites.domain(website), place.isEmpty() ? null : place,
                city, region, country, orgType);
    }
}
