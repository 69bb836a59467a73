package org.undersigned.account;

import java.time.Duration;

/** The outcome of a sign-in attempt. */
public sealed interface SignInResult {

    record SignedIn(long accountId, String email, Role role) implements SignInResult {
    }

    /** Wrong address or password: the same answer for both. */
    record Refused() implements SignInResult {
    }

    /** Too soon after this client's last failures on this address: try again after this long. */
    record TryLater(Duration retryAfter) implements SignInResult {
    }
}
