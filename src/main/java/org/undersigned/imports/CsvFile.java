package org.undersigned.imports;

import org.undersigned.web.AdminMsg;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded CSV file read into its header row and the rows under it (blank rows left out).
 * Exports from spreadsheets and petition tools come in several encodings and separators; this
 * reads them all.
 */
public record CsvFile(List<String> headers, List<List<String>> rows) {

    public static final CsvFile EMPTY = new CsvFile(List.of(), List.of());

    /** UTF-8 (with or without byte-order mark); files that are not valid UTF-8 are read as Windows-1252. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Comma, semicolon or tab separated, whichever the header row uses most. */
    static CsvFile parse(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = ',';
        long best = firstLine.chars().filter(ch -> ch == ',').count();
        for (char candidate : new char[]{';', '\t'}) {
            long n = firstLine.chars().filter(ch -> ch == candidate).count();
            if (n > best) {
                best = n;
                delimiter = candidate;
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new InvalidInputException(FormErrors.none().add("file", AdminMsg::imports_file_empty));
            }
            List<String> headers = records.get(0).toList();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                List<String> row = records.get(i).toList();
                if (row.stream().anyMatch(v -> v != null && !v.isBlank())) {
                    rows.add(row);
                }
            }
            return new CsvFile(headers, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(FormErrors.none().add("file",
                    AdminMsg::imports_file_not_csv));
        }
    }

    /** The file as stored with an import, or an empty file once the upload has been deleted. */
    static CsvFile of(SignatureImport imp) {
        return imp.content().map(CsvFile::parse).orElse(EMPTY);
    }
}
