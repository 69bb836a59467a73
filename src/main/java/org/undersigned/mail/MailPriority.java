package org.undersigned.mail;

/**
 * Which email goes first when there is a backlog. A link someone is waiting for (to confirm a
 * signature, to sign in) goes before a notice to one person, which goes before bulk mail
 * (campaign updates, digests): a big update mailing never delays a confirmation.
 */
public enum MailPriority {
    LINK(0), NOTICE(1), BULK(2);

    private final int level;

    MailPriority(int level) {
        this.level = level;
    }

    /** The value stored in {@code outbox_email.priority}; lower is sent first. */
    public int level() {
        return level;
    }
}
