package org.undersigned.mailing;

/** What a mailing tells the signers: a campaign update (a victory is one too), or that the letter was delivered or closed. */
public enum MailingKind {
    UPDATE, DELIVERED, CLOSED
}
