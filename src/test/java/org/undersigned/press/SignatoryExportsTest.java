package org.undersigned.press;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.undersigned.signing.PublicSignatories.Signatory;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatoryExportsTest {

    @Test
    void namesWithCommasQuotesAndNewlinesSurviveARoundTrip() throws Exception {
        List<Signatory> list = List.of(
                new Signatory("ORGANIZATION", "Dignity, Power & \"NOW\"", null, "https://example.org", "example.org",
                        "Los Angeles, CA", "Los Angeles", "CA", "US", "Community or grassroots group", "National"),
                new Signatory("INDIVIDUAL", "Zoë \"Z\" O'Neil", "Professor,\nState University", null, null, null,
                        "Seattle", "WA", null, null, null),
                new Signatory("ORGANIZATION", "مركز الحقوق", null, null, null, null, "Cairo", null, "EG", null, "International"));
        String csv = SignatoryExports.csv(list);
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark so spreadsheets read UTF-8");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            assertEquals(SignatoryExports.COLUMNS, parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(3, records.size());
            assertEquals("Dignity, Power & \"NOW\"", records.get(0).get("name"));
            assertEquals("organization", records.get(0).get("type"));
            assertEquals("Zoë \"Z\" O'Neil", records.get(1).get("name"));
            assertEquals("Professor,\nState University", records.get(1).get("affiliation"));
            assertEquals("individual", records.get(1).get("type"));
            assertEquals("مركز الحقوق", records.get(2).get("name"));
            assertEquals("EG", records.get(2).get("country"));
            assertEquals("National", records.get(0).get("category"));
            assertEquals("", records.get(1).get("category"));
        }
    }
}
