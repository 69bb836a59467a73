package org.undersigned.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;
import org.undersigned.web.EnumName;

import java.util.List;

/**
 * An admin invites someone, as posted on the accounts page (the API sends the same three values). The address
 * is checked in {@link AccountService#invite} once normalized (and against existing accounts).
 */
public record InvitationForm(
        @RestForm String email,

        @RestForm @NotBlank(message = "{account.name.required}") @Size(max = 200, message = "{account.name.required}")
        String name,

        @RestForm @NotBlank(message = "{account.role.required}") @EnumName(value = Role.class, message = "{account.role.required}")
        String role) {

    static final List<String> FIELD_ORDER = List.of("email", "name", "role");

    /** The role asked for, once the form is valid. */
    Role chosenRole() {
        return Role.valueOf(role);
    }

    InvitationForm stripped() {
        return new InvitationForm(email, name == null ? null : name.strip(), role);
    }
}
