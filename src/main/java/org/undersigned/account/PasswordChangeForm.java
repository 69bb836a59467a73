package org.undersigned.account;

import org.jboss.resteasy.reactive.RestForm;

/** A signed-in admin's new password: the current one, then the new one twice. */
public record PasswordChangeForm(@RestForm String current, @RestForm String password, @RestForm String repeat) {

    NewPasswordForm fresh() {
        return new NewPasswordForm(password, repeat);
    }
}
