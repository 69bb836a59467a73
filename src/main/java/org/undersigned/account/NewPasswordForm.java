package org.undersigned.account;

import org.jboss.resteasy.reactive.RestForm;

/** A password chosen from an invitation or a reset link, typed twice. */
public record NewPasswordForm(@RestForm @GoodPassword String password, @RestForm String repeat) {

    boolean repeated() {
        return password.equals(repeat);
    }
}
