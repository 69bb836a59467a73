package org.undersigned.vetting;

import io.quarkus.qute.TemplateData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the vetter is looking at: state (default: waiting for review), kind, country, text
 * version, a flag, free text, or the possible duplicates of one entry; oldest first. Pages are
 * addressed by keyset, never by number: {@code after} (or {@code before}) is the position of the
 * row the page starts after (or ends before), so a deep page costs the same as the first.
 */
@TemplateData
public record QueueFilter(String state, String kind, String country, Integer version, String flag, String q,
                          Long duplicatesOf, Cursor after, Cursor before) {

    public static final Set<String> FLAGS = Set.of("possible-duplicate", "domain-mismatch", "no-website", "suspected-bot",
            "disposable-email");

    /** A row's place in the queue's order (created_at, id), as it travels in a link: "micros-id". */
    @TemplateData
    public record Cursor(Instant createdAt, long id) {
        public static Cursor parse(String s) {
            if (s == null || !s.matches("\\d{1,18}-\\d{1,18}")) {
                return null;
            }
            String[] parts = s.split("-");
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(parts[1]));
        }

        @Override
        public String toString() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "-" + id;
        }
    }

    public static QueueFilter of(String state, String kind, String country, Integer version, String flag, String q,
                                 Long duplicatesOf, String after, String before) {
        Cursor a = Cursor.parse(after);
        return new QueueFilter(duplicatesOf != null ? (state == null || state.isBlank() ? "ALL" : state)
                : state == null || state.isBlank() ? "PENDING_REVIEW" : state,
                blankToNull(kind), blankToNull(country), version, flag != null && FLAGS.contains(flag) ? flag : null,
                blankToNull(q), duplicatesOf, a, a == null ? Cursor.parse(before) : null);
    }

    public static QueueFilter of(String state, String kind, String country, Integer version, String flag, String q) {
        return of(state, kind, country, version, flag, q, null, null, null);
    }

    public boolean allStates() {
        return "ALL".equals(state);
    }

    public boolean firstPage() {
        return after == null && before == null;
    }

    /** The same filter from its first page. */
    public QueueFilter fromStart() {
        return new QueueFilter(state, kind, country, version, flag, q, duplicatesOf, null, null);
    }

    /** The same filter, the page after (or before) the given row. */
    public QueueFilter afterRow(Cursor c) {
        return new QueueFilter(state, kind, country, version, flag, q, duplicatesOf, c, null);
    }

    public QueueFilter beforeRow(Cursor c) {
        return new QueueFilter(state, kind, country, version, flag, q, duplicatesOf, null, c);
    }

    /** The filter as query parameters, for links that keep it (paging, after a decision). */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("state", state);
        params.put("kind", kind);
        params.put("country", country);
        params.put("version", version == null ? null : version.toString());
        params.put("flag", flag);
        params.put("q", q);
        params.put("duplicatesOf", duplicatesOf == null ? null : duplicatesOf.toString());
        params.put("after", after == null ? null : after.toString());
        params.put("before", before == null ? null : before.toString());
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                out.append(out.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** "?return=…" for links to an entry, so its page leads back to this view of the queue. */
    public String returnParam() {
        String q = query();
        return q.isEmpty() ? "" : "?return=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
