package org.undersigned.vetting;

import io.quarkus.qute.TemplateData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the vetter is looking at: state (default: waiting for review), kind, country, text
 * version, a flag, and free text; oldest first.
 */
@TemplateData
public record QueueFilter(String state, String kind, String country, Integer version, String flag, String q, int page) {

    public static final Set<String> FLAGS = Set.of("possible-duplicate", "domain-mismatch", "no-website", "suspected-bot",
            "disposable-email");

    public static QueueFilter of(String state, String kind, String country, Integer version, String flag, String q,
                                 Integer page) {
        return new QueueFilter(state == null || state.isBlank() ? "PENDING_REVIEW" : state,
                blankToNull(kind), blankToNull(country), version, flag != null && FLAGS.contains(flag) ? flag : null,
                blankToNull(q), page == null || page < 1 ? 1 : page);
    }

    public boolean allStates() {
        return "ALL".equals(state);
    }

    /** The filter as query parameters, for links that keep it (paging, after a decision). */
    public String query(int forPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("state", state);
        params.put("kind", kind);
        params.put("country", country);
        params.put("version", version == null ? null : version.toString());
        params.put("flag", flag);
        params.put("q", q);
        params.put("page", forPage > 1 ? String.valueOf(forPage) : null);
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                out.append(out.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    public String query() {
        return query(page);
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
