package org.undersigned.press;

import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body written while its rows are read: nothing holds the whole export, so a million
 * rows take the same memory as ten, and the first bytes leave before the last row is read.
 * {@link #rowsRead()} says how far the read has got (tests use it to prove exactly that).
 */
public final class StreamedExport implements StreamingOutput {

    /** Writes the export to {@code out}, calling {@code rows.incrementAndGet()} per row read. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out, AtomicLong rows) throws IOException;
    }

    private final Body body;
    private final AtomicLong rows = new AtomicLong();

    public StreamedExport(Body body) {
        this.body = body;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        body.write(out, rows);
    }

    /** Rows read from the database so far. */
    public long rowsRead() {
        return rows.get();
    }
}
