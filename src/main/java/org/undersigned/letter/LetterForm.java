package org.undersigned.letter;

import io.quarkus.qute.TemplateData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.undersigned.web.PlainText;
import org.undersigned.web.PlainTextOnly;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A letter as an editor submits it, cleaned but not yet validated: the same record backs the
 * admin form (so it comes back as typed) and the JSON API.
 */
@TemplateData
public record LetterForm(
        @NotBlank(message = "{letter.slug.required}") @Size(max = 80, message = "{signon.tooLong}")
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "{letter.slug.shape}")
        String slug,

        @NotBlank(message = "{letter.title.required}") @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String title,

        @NotBlank(message = "{letter.addressees.required}") @Size(max = 300, message = "{signon.tooLong}") @PlainTextOnly
        String addressees,

        @NotBlank(message = "{letter.body.required}") @Size(max = 100_000, message = "{signon.tooLong}") @PlainTextOnly
        String bodyMarkdown,

        @NotBlank(message = "{letter.coalitionName.required}") @Size(max = 200, message = "{signon.tooLong}") @PlainTextOnly
        String coalitionName,

        @NotBlank(message = "{letter.coalitionContact.required}") @Size(max = 300, message = "{signon.tooLong}") @PlainTextOnly
        String coalitionContact,

        /* As typed in a datetime-local field ("2026-12-01T17:00"), in the site's time zone; empty for none. */
        String deadline,

        boolean organizationsMaySign,
        boolean individualsMaySign,
        boolean autoApproveIndividuals,

        /* NONE, REGION or ORG_TYPE; anything else is NONE. */
        String pdfGrouping) {

    public static final List<String> FIELD_ORDER = List.of("slug", "title", "addressees", "bodyMarkdown",
            "coalitionName", "coalitionContact", "deadline", "whoMaySign");

    public static LetterForm of(String slug, String title, String addressees, String body, String coalitionName,
                                String coalitionContact, String deadline, boolean organizations, boolean individuals,
                                boolean autoApprove, String pdfGrouping) {
        return new LetterForm(PlainText.line(slug), PlainText.line(title), PlainText.line(addressees),
                PlainText.block(body), PlainText.line(coalitionName), PlainText.line(coalitionContact),
                PlainText.line(deadline), organizations, individuals, autoApprove, PlainText.line(pdfGrouping));
    }

    public static LetterForm of(Letter l, ZoneId zone) {
        return new LetterForm(l.slug, l.title, l.addressees, l.bodyMarkdown, l.coalitionName, l.coalitionContact,
                l.signDeadline == null ? null : LocalDateTime.ofInstant(l.signDeadline, zone).toString(),
                l.organizationsMaySign, l.individualsMaySign, l.autoApproveIndividuals, l.pdfGrouping.name());
    }

    public static LetterForm blank() {
        return new LetterForm(null, null, null, null, null, null, null, true, false, false, PdfGrouping.NONE.name());
    }

    /** The deadline as an instant; empty text is no deadline; unreadable text is an error (see validation). */
    public Instant deadlineInstant(ZoneId zone) {
        if (deadline == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(deadline).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean deadlineReadable() {
        if (deadline == null) {
            return true;
        }
        try {
            LocalDateTime.parse(deadline);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public LetterDraft toDraft(ZoneId zone) {
        return new LetterDraft(slug, title, addressees, bodyMarkdown, coalitionName, coalitionContact,
                deadlineInstant(zone), organizationsMaySign, individualsMaySign, autoApproveIndividuals, grouping());
    }

    public PdfGrouping grouping() {
        for (PdfGrouping g : PdfGrouping.values()) {
            if (g.name().equals(pdfGrouping)) {
                return g;
            }
        }
        return PdfGrouping.NONE;
    }
}
