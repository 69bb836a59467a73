package org.undersigned.web;

/** A well-formed request that breaks a rule of the domain (422), with a message saying which. */
public class RuleException extends ProblemException {

    public RuleException(String title, String detail) {
        super(422, "rule-violated", title, detail);
    }
}
