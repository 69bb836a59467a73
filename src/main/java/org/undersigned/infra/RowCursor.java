package org.undersigned.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a large result in constant memory, in keyset batches: the caller asks for the next
 * {@link #BATCH} rows after the last one it got (a query with {@code order by … limit}, which an
 * index serves with a fast start), writes them out, and asks again. Each batch is one short
 * statement on a pooled connection that is returned before the rows are written, so a slow
 * download holds no connection and no transaction, and memory is one batch whatever the size of
 * the export.
 */
@ApplicationScoped
public class RowCursor {

    /** Rows per batch: about a megabyte of signatures. */
    public static final int BATCH = 2_000;

    /** Maps the current row of a result, reading columns by name. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @Inject
    DataSource dataSource;

    /** Runs the read-ahead of {@link #walk} (context-aware, bounded by Quarkus's executor settings). */
    @Inject
    org.eclipse.microprofile.context.ManagedExecutor readAhead;

    /**
     * Runs one query (a SELECT) and returns its rows mapped. Outside a transaction it runs on its
     * own in autocommit; inside one (the PDF render) it joins it on the same connection.
     */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("batched read failed", e);
        }
    }

    /** Writes one batch of rows out (to a response, typically). */
    @FunctionalInterface
    public interface BatchWriter<T> {
        void write(List<T> batch) throws java.io.IOException;
    }

    /**
     * Walks a keyset-paged read to its end: {@code after.apply(null)} reads the first batch,
     * {@code after.apply(lastRow)} the batch after it; a batch shorter than {@link #BATCH} is the
     * last. The next batch is read on another thread while the current one is written, so the
     * database and the formatting overlap instead of taking turns (exports are CPU-bound on both
     * sides). Memory: two batches. Call outside a transaction. Returns the number of rows.
     */
    public <T> long walk(java.util.function.Function<T, List<T>> after, BatchWriter<T> writer) throws java.io.IOException {
        long rows = 0;
        java.util.concurrent.CompletableFuture<List<T>> next =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> after.apply(null), readAhead);
        while (true) {
            List<T> batch;
            try {
                batch = next.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            boolean more = batch.size() == BATCH;
            if (more) {
                T last = batch.get(batch.size() - 1);
                next = java.util.concurrent.CompletableFuture.supplyAsync(() -> after.apply(last), readAhead);
            }
            try {
                writer.write(batch);
            } catch (java.io.IOException | RuntimeException e) {
                next.cancel(false);
                throw e;
            }
            rows += batch.size();
            if (!more) {
                return rows;
            }
        }
    }

    /**
     * Rows of one query read as they are iterated, through a server-side cursor that fetches
     * {@link #BATCH} rows at a time: for a read that needs one consistent order no index serves
     * (the grouped PDF), in constant memory. Only inside a transaction (PostgreSQL keeps a cursor
     * open only there; in autocommit the driver would read the whole result at once), and the
     * connection stays with that transaction until the rows are read or closed.
     */
    public <T> Rows<T> open(String sql, RowMapper<T> mapper, Object... params) {
        try {
            Connection c = dataSource.getConnection();
            if (c.getAutoCommit()) {
                c.close();
                throw new IllegalStateException("a streamed read needs a transaction");
            }
            PreparedStatement st = c.prepareStatement(sql);
            st.setFetchSize(BATCH);
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return new Rows<>(c, st, st.executeQuery(), mapper);
        } catch (SQLException e) {
            throw new IllegalStateException("streamed read failed", e);
        }
    }

    /** An open streamed read: an iterator over its rows that closes itself at the end. */
    public static final class Rows<T> implements java.util.Iterator<T>, AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final RowMapper<T> mapper;
        private T next;
        private boolean done;

        private Rows(Connection connection, PreparedStatement statement, ResultSet rows, RowMapper<T> mapper) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (rows.next()) {
                        next = mapper.map(rows);
                    } else {
                        close();
                    }
                } catch (SQLException e) {
                    close();
                    throw new IllegalStateException("streamed read failed", e);
                }
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            T out = next;
            next = null;
            return out;
        }

        /** The row {@link #next()} would return, without taking it; null at the end. */
        public T peek() {
            return hasNext() ? next : null;
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try (connection; statement; rows) {
                // closed in reverse order by try-with-resources
            } catch (SQLException e) {
                throw new IllegalStateException("closing a streamed read failed", e);
            }
        }
    }
}
