package org.undersigned.web;

import java.util.List;

/**
 * A failure the user can understand and act on. Browsers get a page with {@link #title()} and
 * {@link #detail()}; API clients get the same as problem+json. Never carries internal details.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    protected ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** A short slug, published as {@code /problems/<type>}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem.FieldError> fieldErrors() {
        return List.of();
    }

    /** Seconds for a Retry-After header, when waiting will help. */
    public Long retryAfterSeconds() {
        return null;
    }
}
