package org.undersigned.press;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.undersigned.signing.PublicSignatories.Signatory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The public list as CSV and JSON. Column names are part of the contract: scripts and
 * spreadsheets rely on them, so they only ever get added to, never renamed.
 */
public final class SignatoryExports {

    public static final List<String> COLUMNS = List.of("type", "name", "affiliation", "website", "city",
            "state_region", "country", "organization_type");

    /** One signatory as published: public fields only. */
    public record PublicEntry(String type, String name, String affiliation, String website, String city,
                              String stateRegion, String country, String organizationType) {
        static PublicEntry of(Signatory s) {
            return new PublicEntry(s.organization() ? "organization" : "individual", s.name(), s.affiliation(),
                    s.website(), s.city(), s.region(), s.country(), s.orgType());
        }
    }

    private SignatoryExports() {
    }

    public static List<PublicEntry> entries(List<Signatory> list) {
        return list.stream().map(PublicEntry::of).toList();
    }

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark, which is what makes spreadsheet programs read
     * accents and non-Latin names correctly when the file is opened by double-click.
     */
    public static String csv(List<Signatory> list) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).build())) {
            for (PublicEntry e : entries(list)) {
                printer.printRecord(org.undersigned.web.CsvCells.row(e.type(), e.name(), e.affiliation(), e.website(),
                        e.city(), e.stateRegion(), e.country(), e.organizationType()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
