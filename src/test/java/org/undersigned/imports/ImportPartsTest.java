package org.undersigned.imports;

import org.junit.jupiter.api.Test;
import org.undersigned.signing.SignOnInput;
import org.undersigned.web.IllegalTransitionException;
import org.undersigned.web.InvalidInputException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The small parts of an import, without a database: the file, the mapping, a row, the status. */
class ImportPartsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aFileIsReadWhateverItsEncodingAndSeparator() {
        byte[] latin1 = "Organisation;E-mail\nCafé Ünion;a@example.org\n".getBytes(Charset.forName("windows-1252"));
        CsvFile file = CsvFile.parse(CsvFile.decode(latin1));
        assertEquals(List.of("Organisation", "E-mail"), file.headers());
        assertEquals(List.of(List.of("Café Ünion", "a@example.org")), file.rows());
        byte[] bom = "\uFEFFemail\tname\nb@example.org\tBea\n\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("email", "name"), CsvFile.parse(CsvFile.decode(bom)).headers());
        assertEquals(1, CsvFile.parse(CsvFile.decode(bom)).rows().size(), "blank rows are left out");
        assertThrows(InvalidInputException.class, () -> CsvFile.parse("a,b\n\"unclosed,x\n"));
    }

    @Test
    void theMappingIsGuessedFromTheHeadersAndReadsCells() {
        ColumnMapping m = ColumnMapping.guess(List.of("E-mail address", "Organization", "Town", "Notes"));
        assertEquals(Map.of(ImportField.EMAIL, 0, ImportField.ORGANIZATION_NAME, 1, ImportField.CITY, 2), m.columns());
        assertEquals("Oakland", m.value(List.of("a@example.org", "Org", "Oakland"), ImportField.CITY));
        assertEquals(null, m.value(List.of("a@example.org", " "), ImportField.ORGANIZATION_NAME), "a blank cell is no value");
        assertEquals(null, m.value(List.of("a@example.org"), ImportField.CITY), "a short row is no value");
        assertThrows(InvalidInputException.class, () -> new ColumnMapping(Map.of(ImportField.NAME, 0)).requireUsable());
        assertEquals(Map.of(ImportField.EMAIL, 0), new ColumnMapping(Map.of(ImportField.EMAIL, 0, ImportField.CITY, -1)).columns());
    }

    @Test
    void aRowBecomesASignOn() {
        ColumnMapping m = new ColumnMapping(Map.of(ImportField.EMAIL, 0, ImportField.FIRST_NAME, 1,
                ImportField.LAST_NAME, 2, ImportField.COUNTRY, 3));
        SignOnInput person = ImportedRow.toInput(List.of("a@example.org", "Ana", "Ruiz", "United Kingdom"), m);
        assertEquals("INDIVIDUAL", person.kind());
        assertEquals("Ana Ruiz", person.name());
        assertEquals("GB", ImportedRow.country("UK"));
        assertEquals("OTHER", ImportedRow.orgType("something else"));
    }

    @Test
    void theStatusMovesOnlyAlongItsGraph() {
        assertEquals(EnumSet.of(ImportStatus.CHECKED), ImportStatus.UPLOADED.next());
        assertEquals(EnumSet.of(ImportStatus.CHECKED, ImportStatus.RUNNING), ImportStatus.CHECKED.next());
        assertEquals(EnumSet.of(ImportStatus.DONE, ImportStatus.FAILED), ImportStatus.RUNNING.next());
        assertEquals(EnumSet.of(ImportStatus.CHECKED), ImportStatus.FAILED.next());
        assertEquals(EnumSet.noneOf(ImportStatus.class), ImportStatus.DONE.next());

        CsvFile file = new CsvFile(List.of("email"), List.of(List.of("a@example.org")));
        SignatureImport imp = SignatureImport.uploaded(1, 2, "f.csv", file, "email\na@example.org\n", NOW);
        assertThrows(IllegalTransitionException.class, () -> imp.start(NOW), "not before a check");
        imp.checked(ColumnMapping.guess(file.headers()), 1, NOW);
        imp.start(NOW);
        assertThrows(IllegalTransitionException.class, () -> imp.checked(imp.mapping(), 1, NOW), "not while running");
        imp.finish(1, null, NOW);
        assertEquals(ImportStatus.DONE, imp.status());
        assertEquals(java.util.Optional.empty(), imp.content(), "the upload goes once imported");
        assertThrows(IllegalTransitionException.class, () -> imp.fail("late", NOW));
    }
}
