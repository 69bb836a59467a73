package org.undersigned.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one CSV writer of the service: RFC 4180, UTF-8 with a byte-order mark (which is what makes
 * spreadsheet programs read accents and non-Latin names correctly when the file is opened by
 * double-click), written row by row to a stream so an export of any size takes constant memory.
 * Every cell goes through {@link #cell(Object)}, the single place where values become text (and
 * where {@link CsvCells} defuses formulas).
 */
public final class Csv implements Closeable, Flushable {

    private final CSVPrinter printer;
    private final Writer writer;

    private Csv(Writer writer, List<String> header) throws IOException {
        this.writer = writer;
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build());
    }

    /** A CSV document with the given header row, written to {@code out} through a 64 KB buffer. */
    public static Csv to(OutputStream out, List<String> header) throws IOException {
        return new Csv(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), header);
    }

    /** A CSV document written to any writer (for small documents built in memory). */
    public static Csv to(Writer out, List<String> header) throws IOException {
        return new Csv(out, header);
    }

    /** One row; each value through {@link #cell(Object)}. */
    public void row(Object... values) throws IOException {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        printer.printRecord(cells);
    }

    /**
     * How one value is written into a cell: null is an empty cell, text a spreadsheet would take
     * for a formula is defused ({@link CsvCells}); quoting is the printer's.
     */
    static String cell(Object value) {
        return value == null ? null : String.valueOf(CsvCells.cell(value));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** Flushes and closes the writer (and with it the stream it writes to). */
    @Override
    public void close() throws IOException {
        printer.close(true);
        writer.close();
    }
}
