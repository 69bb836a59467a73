package org.undersigned.account;

import org.undersigned.audit.Actor;

/** The account behind the current request, as of this request. */
public record SignedInAdmin(long id, String email, String name, Role role) {

    public Actor actor() {
        return Actor.account(id, email);
    }
}
