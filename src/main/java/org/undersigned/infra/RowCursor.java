package org.undersigned.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a large result in constant memory: the rows come from a server-side cursor
 * ({@link #FETCH_SIZE} rows per round trip) in one read-only transaction, and each row is handed
 * over as it arrives, so nothing holds the whole result. This is how exports stream a million
 * rows: the first bytes go out while the last rows are still in the database.
 *
 * <p>Call it outside a JTA transaction (a streamed response body is written after the resource
 * method returned, so it is): the connection is taken from the pool for the duration of the read
 * and returned at the end, whatever happens.
 */
@ApplicationScoped
public class RowCursor {

    /** Rows fetched per round trip: about a megabyte of signatures. */
    public static final int FETCH_SIZE = 2_000;

    /** Receives each row; read columns by name. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet row) throws SQLException, IOException;
    }

    /** The queries of one read, all in the same snapshot-free read-only transaction. */
    public interface Reader {
        /** Runs one query and hands every row to {@code handler}; returns the number of rows. */
        long each(String sql, RowHandler handler, Object... params) throws SQLException, IOException;
    }

    @FunctionalInterface
    public interface Work {
        void run(Reader reader) throws SQLException, IOException;
    }

    @Inject
    DataSource dataSource;

    /** Runs {@code work} on one connection in a read-only transaction, rows fetched by cursor. */
    public void read(Work work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // The PostgreSQL driver only uses a cursor (instead of reading everything) outside autocommit.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                work.run((sql, handler, params) -> {
                    try (PreparedStatement st = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                        st.setFetchSize(FETCH_SIZE);
                        for (int i = 0; i < params.length; i++) {
                            st.setObject(i + 1, params[i]);
                        }
                        long n = 0;
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                handler.row(rs);
                                n++;
                            }
                        }
                        return n;
                    }
                });
            } finally {
                c.rollback(); // nothing was written; ends the transaction and closes the cursor
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("streamed read failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
