package org.undersigned.press;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body written while its rows are read: nothing holds the whole export, so a million
 * rows take the same memory as ten, and the first bytes leave before the last row is read. Every
 * row read moves the {@code undersigned.export.rows} counter as it is read, so operators see
 * downloads progress (and tests see the first bytes leave before the last row).
 */
public final class StreamedExport implements StreamingOutput {

    static final String ROWS_METER = "undersigned.export.rows";

    /** Writes the export to {@code out}, calling {@code rows.incrementAndGet()} (or {@code addAndGet}) per row read. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out, Rows rows) throws IOException;
    }

    /** The rows of one export read so far: this export's own count (for its audit entry) and the meter. */
    public static final class Rows {
        private final AtomicLong count = new AtomicLong();
        private final Counter meter;

        Rows(Counter meter) {
            this.meter = meter;
        }

        public long incrementAndGet() {
            return addAndGet(1);
        }

        public long addAndGet(long read) {
            meter.increment(read);
            return count.addAndGet(read);
        }

        public long get() {
            return count.get();
        }
    }

    private final Body body;

    public StreamedExport(Body body) {
        this.body = body;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        // The global registry is the one Quarkus feeds its Prometheus registry from; exports are
        // built by static factories and other features' services, so it is reached here, not injected.
        Counter meter = Counter.builder(ROWS_METER)
                .description("Rows read by the CSV and JSON downloads (signatory lists, contact exports) of this instance")
                .register(Metrics.globalRegistry);
        body.write(out, new Rows(meter));
    }
}
