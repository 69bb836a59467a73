package org.undersigned.web;

/** A well-formed request that breaks a rule of the domain (422), with a message saying which. */
public class RuleException extends ProblemException {

    public RuleException(String title, String detail) {
        super(422, "rule-violated", title, detail);
    }

    /**
     * Title and detail from the admin bundle, read when the problem is shown: a domain rule can
     * then be checked (and tested) where no message bundle has been built.
     */
    public RuleException(java.util.function.Function<AdminMsg, String> title, java.util.function.Function<AdminMsg, String> detail) {
        super(422, "rule-violated", () -> title.apply(AdminText.admin()), () -> detail.apply(AdminText.admin()));
    }
}
