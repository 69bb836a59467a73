package org.undersigned.account;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;
import org.undersigned.web.EnumName;

/** A row of the accounts page as posted: the account's role, whether it stays active, its version as shown. */
public record RoleChangeForm(
        @RestForm @NotBlank(message = "{account.role.required}") @EnumName(value = Role.class, message = "{account.role.required}")
        String role,

        @RestForm String active,

        @RestForm long version) {

    Role chosenRole() {
        return Role.valueOf(role);
    }

    boolean staysActive() {
        return "yes".equals(active);
    }
}
