package org.undersigned.press;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.undersigned.signing.PublicSignatories;
import org.undersigned.signing.PublicSignatories.Signatory;
import org.undersigned.web.Csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The public list as CSV and JSON, streamed from a database cursor (constant memory at any
 * size). Column names are part of the contract: scripts and spreadsheets rely on them, so they
 * only ever get added to, never renamed.
 */
public final class SignatoryExports {

    public static final List<String> COLUMNS = List.of("type", "name", "affiliation", "website", "city",
            "state_region", "country", "organization_type", "category");

    /** One signatory as published: public fields only. */
    public record PublicEntry(String type, String name, String affiliation, String website, String city,
                              String stateRegion, String country, String organizationType, String category) {
        static PublicEntry of(Signatory s) {
            return new PublicEntry(s.organization() ? "organization" : "individual", s.name(), s.affiliation(),
                    s.website(), s.city(), s.region(), s.country(), s.orgType(), s.category());
        }
    }

    private SignatoryExports() {
    }

    public static List<PublicEntry> entries(List<Signatory> list) {
        return list.stream().map(PublicEntry::of).toList();
    }

    /** A small list as CSV text (the streamed export writes exactly the same bytes). */
    public static String csv(List<Signatory> list) {
        StringWriter out = new StringWriter();
        try (Csv csv = Csv.to(out, COLUMNS)) {
            for (Signatory s : list) {
                row(csv, PublicEntry.of(s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** RFC 4180 CSV of every approved signatory of the letter, streamed. */
    public static StreamedExport csv(PublicSignatories signatories, long letterId) {
        return new StreamedExport((out, rows) -> {
            try (Csv csv = Csv.to(out, COLUMNS)) {
                signatories.forEach(letterId, s -> {
                    rows.incrementAndGet();
                    row(csv, PublicEntry.of(s));
                });
            }
        });
    }

    /**
     * The list as JSON, streamed: {@code letter}, {@code title}, then {@code signatories}, then
     * the counts of what was written ({@code organizations}, {@code individuals}, {@code summary}),
     * so the counts always match the list.
     */
    public static StreamedExport json(PublicSignatories signatories, ObjectMapper mapper, long letterId, String slug,
                                      String title) {
        return new StreamedExport((out, rows) -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("letter", slug);
                json.writeStringField("title", title);
                json.writeArrayFieldStart("signatories");
                long[] orgs = {0};
                long total = signatories.forEach(letterId, s -> {
                    rows.incrementAndGet();
                    if (s.organization()) {
                        orgs[0]++;
                    }
                    json.writeObject(PublicEntry.of(s));
                });
                json.writeEndArray();
                json.writeNumberField("organizations", orgs[0]);
                json.writeNumberField("individuals", total - orgs[0]);
                json.writeStringField("summary", new PublicSignatories.Counts(orgs[0], total - orgs[0]).line());
                json.writeEndObject();
            }
        });
    }

    private static void row(Csv csv, PublicEntry e) throws IOException {
        csv.row(e.type(), e.name(), e.affiliation(), e.website(), e.city(), e.stateRegion(), e.country(),
                e.organizationType(), e.category());
    }
}
