package org.undersigned.account;

/**
 * What an admin account may do. ADMIN: everything, including accounts. EDITOR: write, publish and
 * update letters. VETTER: review signatories. PARTNER: a partner organization's staff, who see
 * only their own partner's figures and the contacts that consented to be shared with it (the
 * account names its partner; no letter page or signature is open to it). A letter may further
 * narrow editing and vetting to named accounts (see {@link LetterAccess}).
 */
public enum Role {
    ADMIN, EDITOR, VETTER, PARTNER;

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String EDITOR_NAME = "EDITOR";
    public static final String VETTER_NAME = "VETTER";
    public static final String PARTNER_NAME = "PARTNER";

    public boolean mayEditLetters() {
        return this == ADMIN || this == EDITOR;
    }

    public boolean mayVet() {
        return this == ADMIN || this == VETTER;
    }

    public boolean mayManageAccounts() {
        return this == ADMIN;
    }

    /** Staff of a partner organization: only their partner's figures and export. */
    public boolean isPartnerStaff() {
        return this == PARTNER;
    }

    public String label() {
        return switch (this) {
            case ADMIN -> "Admin: everything, including accounts";
            case EDITOR -> "Editor: writes, publishes and updates letters";
            case VETTER -> "Vetter: reviews signatories";
            case PARTNER -> "Partner staff: their partner's figures and consenting contacts only";
        };
    }
}
