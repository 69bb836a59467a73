package org.undersigned.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

        /** The query as it goes back into a link, with "&q=" in front; empty without a query. */
        public String queryParam() {
            return query == null || query.isBlank() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
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
        record Row(String sortKey, long id, Signatory signatory) {
        }
        String sql = "select " + COLUMNS + ", sort_key, id from signature where letter_id = ? and state = 'APPROVED'"
                + " and kind = ? %s order by sort_key, id limit " + RowCursor.BATCH;
        long n = 0;
        for (SignatoryKind kind : List.of(SignatoryKind.ORGANIZATION, SignatoryKind.INDIVIDUAL)) {
            Row last = null;
            List<Row> batch;
            do {
                RowCursor.RowMapper<Row> mapper = row -> new Row(row.getString("sort_key"), row.getLong("id"),
                        toSignatory(row.getString("kind"), row.getString("display_name"), row.getString("affiliation"),
                                row.getString("website"), row.getString("city"), row.getString("region"),
                                row.getString("country"), row.getString("org_type")));
                batch = last == null
                        ? cursor.list(sql.formatted(""), mapper, letterId, kind.name())
                        : cursor.list(sql.formatted("and (sort_key, id) > (?, ?)"), mapper, letterId, kind.name(),
                                last.sortKey(), last.id());
                for (Row r : batch) {
                    handler.accept(r.signatory());
                }
                n += batch.size();
                last = batch.isEmpty() ? last : batch.get(batch.size() - 1);
            } while (batch.size() == RowCursor.BATCH);
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

    /** Whether any approved signatory gives an affiliation (the PDF then adds a footnote). */
    public boolean anyAffiliation(long letterId) {
        return !em.createNativeQuery("select 1 from signature where letter_id = ?1 and state = 'APPROVED'"
                + " and affiliation is not null limit 1").setParameter(1, letterId).getResultList().isEmpty();
    }

    /** The first {@code limit} signatories in reading order. */
    public List<Signatory> first(long letterId, int limit) {
        List<Signatory> out = new ArrayList<>(page(letterId, SignatoryKind.ORGANIZATION, null, 0, limit));
        if (out.size() < limit) {
            out.addAll(page(letterId, SignatoryKind.INDIVIDUAL, null, 0, limit - out.size()));
        }
        return out;
    }

    /** One page of the full list, optionally filtered by a case- and accent-insensitive search. */
    public Page search(long letterId, String query, int page, int size) {
        String q = query == null || query.isBlank() ? null : NameKeys.searchKey(query);
        Counts counts = q == null ? counts(letterId) : matchingCounts(letterId, q);
        long total = counts.total();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        long offset = (long) (current - 1) * size;
        List<Signatory> items = new ArrayList<>();
        if (offset < counts.organizations()) {
            items.addAll(page(letterId, SignatoryKind.ORGANIZATION, q, offset, size));
        }
        if (items.size() < size) {
            long individualOffset = Math.max(0, offset - counts.organizations());
            items.addAll(page(letterId, SignatoryKind.INDIVIDUAL, q, individualOffset, size - items.size()));
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
    private List<Signatory> page(long letterId, SignatoryKind kind, String q, long offset, int limit) {
        String sql = "select " + COLUMNS + " from signature where letter_id = ?1 and state = 'APPROVED' and kind = ?2"
                + (q == null ? "" : " and sort_key like ?5 escape '\\'")
                + " order by sort_key, id offset ?3 limit ?4";
        var query = em.createNativeQuery(sql)
                .setParameter(1, letterId)
                .setParameter(2, kind.name())
                .setParameter(3, offset)
                .setParameter(4, limit);
        if (q != null) {
            query.setParameter(5, like(q));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(PublicSignatories::toSignatory).toList();
    }

    private static Signatory toSignatory(Object[] r) {
        return toSignatory((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7]);
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

    private static String like(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
