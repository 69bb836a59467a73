package org.undersigned.account;

import io.quarkus.qute.TemplateData;

/** What every admin page knows about who is looking at it; {@code csrf} goes into every form. */
@TemplateData
public record AdminView(String email, String name, String role, boolean mayEditLetters, boolean mayVet,
                        boolean mayManageAccounts, String csrf) {
}
