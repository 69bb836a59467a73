package org.undersigned.infra;

import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The one way to read a native query's row: by column alias from a JPA {@link Tuple} (the query
 * is created with {@code Tuple.class}), never by position. Also the one LIKE escaping: queries
 * that put a user's text in a pattern say {@code like :p escape '\'}.
 */
public final class Sql {

    private Sql() {
    }

    public static String string(Tuple row, String column) {
        return row.get(column, String.class);
    }

    public static long longValue(Tuple row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    /** Null when the column is NULL (an outer join, an optional value). */
    public static Long nullableLong(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    public static int intValue(Tuple row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    /** NULL reads as false. */
    public static boolean bool(Tuple row, String column) {
        return Boolean.TRUE.equals(row.get(column));
    }

    /** A {@code timestamptz} column, whichever Java type the driver chose for it; NULL stays null. */
    public static Instant instant(Tuple row, String column) {
        return instant(row.get(column));
    }

    /** A {@code timestamptz} value as the driver returned it (also from a single-column result). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The text with LIKE's wildcards and escape character taken literally (for {@code escape '\'}). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A LIKE pattern matching values that contain {@code text} literally. */
    public static String containing(String text) {
        return "%" + escapeLike(text) + "%";
    }
}
