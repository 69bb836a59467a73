package org.undersigned.letterpage;

import org.undersigned.signing.PublicSignatories;
import org.undersigned.signing.SignOnFormView;

import java.util.List;

/** The data behind the public letter pages; built by {@link LetterPageService}, rendered by Qute. */
public final class LetterViews {

    private LetterViews() {
    }

    public record LetterCard(String slug, String title, String addressees, String coalitionName, String countLine,
                             String stateNote) {
    }

    public record Home(List<LetterCard> open, List<LetterCard> delivered) {
    }

    public record Update(String date, String isoDate, String html) {
    }

    /** What every page about a letter shows at the top. */
    public record Header(String slug, String title, String addressees, String coalitionName, String contactHref,
                         String contactText, String state, boolean accepting, String stateNote, String textChangedOn,
                         int version, String sha256) {
    }

    public record LetterPage(Header letter, String bodyHtml, List<Update> updates, PublicSignatories.Counts counts,
                             List<PublicSignatories.Signatory> organizations,
                             List<PublicSignatories.Signatory> individuals, boolean more, SignOnFormView form,
                             List<Partner> partners, List<org.undersigned.logos.LeadSigners.Lead> leads) {
        public List<PublicSignatories.Run> organizationRuns() {
            return PublicSignatories.Run.of(organizations);
        }

        public List<PublicSignatories.Run> individualRuns() {
            return PublicSignatories.Run.of(individuals);
        }
    }

    /** A partner organization as the page shows it ("in partnership with …"). */
    public record Partner(String name, String website, String logoUrl) {
    }

    public record SignatoriesPage(Header letter, PublicSignatories.Counts counts, PublicSignatories.Page page) {
    }
}
