package org.undersigned.web;

import java.util.List;
import java.util.function.Supplier;

/**
 * A failure the user can understand and act on. Browsers get a page with {@link #title()} and
 * {@link #detail()}; API clients get the same as problem+json. Never carries internal details.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final Supplier<String> title;
    private final Supplier<String> detail;

    protected ProblemException(int status, String type, String title, String detail) {
        this(status, type, () -> title, () -> detail);
    }

    /** Title and detail read from a message bundle when the problem is shown, not when it is thrown. */
    protected ProblemException(int status, String type, Supplier<String> title, Supplier<String> detail) {
        super(null, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** A short slug, published as {@code /problems/<type>}. */
    public String type() {
        return type;
    }

    public String title() {
        return title.get();
    }

    public String detail() {
        return detail.get();
    }

    @Override
    public String getMessage() {
        return detail();
    }

    public List<Problem.FieldError> fieldErrors() {
        return List.of();
    }

    /** Seconds for a Retry-After header, when waiting will help. */
    public Long retryAfterSeconds() {
        return null;
    }
}
