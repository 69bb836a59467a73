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
}
