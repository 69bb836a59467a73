package org.undersigned.letter;

/** How the letter PDF lists its signatories: one list, or grouped under headings. */
public enum PdfGrouping {
    NONE("One list (organizations, then individuals)"),
    REGION("Grouped by state or region"),
    ORG_TYPE("Grouped by kind of organization"),
    CATEGORY("Grouped by signatory category");

    public final String label;

    PdfGrouping(String label) {
        this.label = label;
    }
}
