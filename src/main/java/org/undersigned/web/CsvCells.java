package org.undersigned.web;

/**
 * Every cell of every CSV the service writes passes through here: text that a spreadsheet would
 * take for a formula (it starts with {@code = + - @}, a tab or a carriage return) is prefixed with
 * a single quote, following OWASP's guidance on CSV injection, so opening an export can never run
 * a signer's "name". Numbers, dates and other non-text values are left as they are.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One row's cells, each made safe. */
    public static Object[] row(Object... cells) {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cell(cells[i]);
        }
        return safe;
    }

    public static Object cell(Object value) {
        return value instanceof CharSequence text ? text(text.toString()) : value;
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + value;
            default -> value;
        };
    }
}
