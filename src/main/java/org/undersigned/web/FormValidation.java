package org.undersigned.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The one way a form is checked: its record's Bean Validation annotations, whose messages are
 * keys in {@code ValidationMessages.properties}, plus the rules that need more than one field or
 * the database, whose messages come from the same bundle ({@link #message}). Either way the
 * result is a {@link FormErrors}, one message per field.
 */
@ApplicationScoped
public class FormValidation {

    private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("ValidationMessages");

    @Inject
    Validator validator;

    /** Adds a message for each annotation the form breaks in the given groups (the default group if none). */
    public FormErrors addViolations(FormErrors errors, Object form, Class<?>... groups) {
        validator.validate(form, groups).forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    /** Throws {@link InvalidInputException} with one message per field when the form breaks an annotation; nothing is written. */
    public void require(Object form, Class<?>... groups) {
        FormErrors errors = addViolations(FormErrors.none(), form, groups);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.orderedBy(fieldOrder(form)));
        }
    }

    /** A form record's fields in the order they are declared, which is the order of the page. */
    static List<String> fieldOrder(Object form) {
        RecordComponent[] components = form.getClass().getRecordComponents();
        return components == null ? List.of() : Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    /** A message from the bundle; {@code {name}} placeholders are filled from {@code values}. */
    public static String message(String key, Map<String, ?> values) {
        String text = MESSAGES.getString(key);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return text;
    }

    public static String message(String key) {
        return MESSAGES.getString(key);
    }
}
