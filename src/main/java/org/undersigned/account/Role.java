package org.undersigned.account;

/**
 * What an admin account may do. ADMIN: everything, including accounts. EDITOR: write, publish and
 * update letters. VETTER: review signatories. A letter may further narrow editing and vetting to
 * named accounts (see {@link LetterAccess}).
 */
public enum Role {
    ADMIN, EDITOR, VETTER;

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String EDITOR_NAME = "EDITOR";
    public static final String VETTER_NAME = "VETTER";

    public boolean mayEditLetters() {
        return this == ADMIN || this == EDITOR;
    }

    public boolean mayVet() {
        return this == ADMIN || this == VETTER;
    }

    public boolean mayManageAccounts() {
        return this == ADMIN;
    }

    public String label() {
        return switch (this) {
            case ADMIN -> "Admin: everything, including accounts";
            case EDITOR -> "Editor: writes, publishes and updates letters";
            case VETTER -> "Vetter: reviews signatories";
        };
    }
}
