package org.undersigned.audit;

/**
 * Who is acting: a signed-in admin account, a signer using their magic link, or the system
 * (scheduled jobs). Passed explicitly to every service that changes something, so the audit
 * trail never has to guess.
 */
public record Actor(Long accountId, String label) {

    public static final Actor SYSTEM = new Actor(null, "system");
    public static final Actor SIGNER = new Actor(null, "signer");

    public static Actor account(long id, String email) {
        return new Actor(id, email);
    }
}
