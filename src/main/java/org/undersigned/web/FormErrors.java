package org.undersigned.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages for a submitted form, one per field, in the order the fields appear on the page so
 * the error summary at the top reads in the same order as the form.
 */
@io.quarkus.qute.TemplateData
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Keeps the first message for a field: it is the most basic problem ("required" before "too long"). */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return Collections.unmodifiableMap(byField);
    }

    /** Reorders the messages to follow the given field order; unknown fields go last. */
    public FormErrors orderedBy(List<String> fieldOrder) {
        FormErrors ordered = new FormErrors();
        fieldOrder.forEach(f -> {
            if (byField.containsKey(f)) {
                ordered.add(f, byField.get(f));
            }
        });
        byField.forEach(ordered::add);
        return ordered;
    }

    public List<Problem.FieldError> asList() {
        List<Problem.FieldError> list = new ArrayList<>();
        byField.forEach((f, m) -> list.add(new Problem.FieldError(f, m)));
        return list;
    }
}
