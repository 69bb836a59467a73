package org.undersigned.signing;

/** What a magic link leads to: the entry, or why it cannot be used. */
public record SignerLink(Status status, EntryView entry) {

    public enum Status {
        /** Usable. */
        VALID,
        /** Not a link we issued (or mistyped). */
        UNKNOWN,
        /** Issued, but past its expiry. */
        EXPIRED,
        /** A confirmation link that has already been used. */
        USED,
        /** The letter stopped taking signatures before this one was confirmed. */
        LETTER_CLOSED
    }

    public static SignerLink unknown() {
        return new SignerLink(Status.UNKNOWN, null);
    }

    public boolean valid() {
        return status == Status.VALID;
    }
}
