package org.undersigned.letter;

import java.time.Instant;

/** What an organizer writes before publishing: the working text and the sign-on settings. */
public record LetterDraft(
        String slug,
        String title,
        String addressees,
        String bodyMarkdown,
        String coalitionName,
        String coalitionContact,
        Instant signDeadline,
        boolean organizationsMaySign,
        boolean individualsMaySign,
        boolean autoApproveIndividuals,
        PdfGrouping pdfGrouping) {

    public LetterDraft(String slug, String title, String addressees, String bodyMarkdown, String coalitionName,
                       String coalitionContact, java.time.Instant signDeadline, boolean organizationsMaySign,
                       boolean individualsMaySign, boolean autoApproveIndividuals) {
        this(slug, title, addressees, bodyMarkdown, coalitionName, coalitionContact, signDeadline, organizationsMaySign,
                individualsMaySign, autoApproveIndividuals, PdfGrouping.NONE);
    }
}
