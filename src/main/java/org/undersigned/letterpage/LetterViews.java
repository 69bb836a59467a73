package org.undersigned.letterpage;

import org.undersigned.signing.PublicSignatories;
import org.undersigned.signing.SignOnFormView;
import org.undersigned.web.PageLanguage;

import java.util.List;

/** The data behind the public letter pages; built by {@link LetterPageService}, rendered by Qute. */
public final class LetterViews {

    private LetterViews() {
    }

    /** {@code lang}/{@code dir}: the language the title is written in (the letter's own). */
    public record LetterCard(String slug, String title, String addressees, String coalitionName, String countLine,
                             String stateNote, String lang, String dir) {
    }

    public record Home(List<LetterCard> open, List<LetterCard> delivered, PageLanguage language) {
    }

    public record Update(String date, String isoDate, String html) {
    }

    /**
     * What every page about a letter shows at the top. {@code lang}/{@code dir}: the language of the
     * text shown (a translation or the letter as written); {@code translated}: it is a translation.
     */
    public record Header(String slug, String title, String addressees, String coalitionName, String contactHref,
                         String contactText, String state, boolean accepting, String stateNote, String textChangedOn,
                         int version, String sha256, String countLine, String lang, String dir, boolean translated,
                         String canonicalName, String contentName, boolean notTranslated, String wantedName) {
    }

    public record LetterPage(Header letter, String bodyHtml, List<Update> updates, PublicSignatories.Counts counts,
                             List<PublicSignatories.Signatory> organizations,
                             List<PublicSignatories.Signatory> individuals, boolean more, SignOnFormView form,
                             List<Partner> partners, List<org.undersigned.logos.LeadSigners.Lead> leads,
                             PageLanguage language, String totalText) {
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

    public record SignatoriesPage(Header letter, PublicSignatories.Counts counts, PublicSignatories.Page page,
                                  PageLanguage language, String totalMatches) {
    }
}
