package org.undersigned.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Messages for a submitted form, one per field, in the order the fields appear on the page so
 * the error summary at the top reads in the same order as the form.
 */
@io.quarkus.qute.TemplateData
public final class FormErrors {

    /* A message is read when the form is shown, so rules outside a running application can report too. */
    private final Map<String, Supplier<String>> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Keeps the first message for a field: it is the most basic problem ("required" before "too long"). */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, () -> message);
        return this;
    }

    /** A message of the admin bundle ({@link AdminMsg}), read when it is shown. */
    public FormErrors add(String field, Function<AdminMsg, String> message) {
        byField.putIfAbsent(field, () -> message.apply(AdminText.admin()));
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        Supplier<String> message = byField.get(field);
        return message == null ? null : message.get();
    }

    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        byField.forEach((f, m) -> all.put(f, m.get()));
        return Collections.unmodifiableMap(all);
    }

    /** Reorders the messages to follow the given field order; unknown fields go last. */
    public FormErrors orderedBy(List<String> fieldOrder) {
        FormErrors ordered = new FormErrors();
        fieldOrder.forEach(f -> {
            if (byField.containsKey(f)) {
                ordered.byField.putIfAbsent(f, byField.get(f));
            }
        });
        byField.forEach(ordered.byField::putIfAbsent);
        return ordered;
    }

    public List<Problem.FieldError> asList() {
        List<Problem.FieldError> list = new ArrayList<>();
        byField.forEach((f, m) -> list.add(new Problem.FieldError(f, m.get())));
        return list;
    }
}
