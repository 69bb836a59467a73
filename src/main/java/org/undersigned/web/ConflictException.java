package org.undersigned.web;

/** Someone else changed the same thing first (optimistic locking). */
public class ConflictException extends ProblemException {

    public ConflictException() {
        this("Someone else changed this at the same moment. Reload to see the current state, then try again.");
    }

    public ConflictException(String detail) {
        super(409, "conflict", "Changed by someone else", detail);
    }
}
