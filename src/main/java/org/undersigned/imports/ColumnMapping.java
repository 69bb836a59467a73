package org.undersigned.imports;

import org.undersigned.web.AdminMsg;

import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which column of the file holds which of our fields (column indexes count from 0). */
public record ColumnMapping(Map<ImportField, Integer> columns) {

    public ColumnMapping {
        EnumMap<ImportField, Integer> copy = new EnumMap<>(ImportField.class);
        // A field mapped to no column (null, or a negative index from the API) is simply not mapped.
        columns.forEach((field, column) -> {
            if (column != null && column >= 0) {
                copy.put(field, column);
            }
        });
        columns = Collections.unmodifiableMap(copy);
    }

    /** The mapping suggested by the headers: each field takes the first column whose header fits it. */
    public static ColumnMapping guess(List<String> headers) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        Set<Integer> used = new HashSet<>();
        for (ImportField field : ImportField.values()) {
            for (int i = 0; i < headers.size(); i++) {
                if (!used.contains(i) && field.matches(headers.get(i))) {
                    mapping.put(field, i);
                    used.add(i);
                    break;
                }
            }
        }
        return new ColumnMapping(mapping);
    }

    public Integer columnOf(ImportField field) {
        return columns.get(field);
    }

    /** The field's value in this row: null when the field is not mapped, the column is missing or the cell blank. */
    String value(List<String> row, ImportField field) {
        Integer index = columns.get(field);
        if (index == null || index < 0 || index >= row.size()) {
            return null;
        }
        String v = row.get(index);
        return v == null || v.isBlank() ? null : v;
    }

    /** A mapping must say where the email and some name are, or no row could be checked. */
    void requireUsable() {
        if (!columns.containsKey(ImportField.EMAIL)) {
            throw new InvalidInputException(FormErrors.none().add("EMAIL", AdminMsg::imports_email_column_required));
        }
        if (!columns.containsKey(ImportField.ORGANIZATION_NAME) && !columns.containsKey(ImportField.NAME)
                && !columns.containsKey(ImportField.FIRST_NAME)) {
            throw new InvalidInputException(FormErrors.none().add("ORGANIZATION_NAME",
                    AdminMsg::imports_name_column_required));
        }
    }
}
