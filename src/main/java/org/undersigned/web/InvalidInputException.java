package org.undersigned.web;

import java.util.List;

/** Input that failed validation: 400 with one message per field. Nothing was written. */
public class InvalidInputException extends ProblemException {

    private final transient FormErrors errors;

    public InvalidInputException(FormErrors errors) {
        super(400, "invalid-input", "Some of the information needs correcting",
                "Correct the fields listed in 'errors' and send the request again.");
        this.errors = errors;
    }

    public FormErrors errors() {
        return errors;
    }

    @Override
    public List<Problem.FieldError> fieldErrors() {
        return errors.asList();
    }
}
