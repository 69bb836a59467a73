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
                             PageLanguage language, String totalText) {
    }

    public record SignatoriesPage(Header letter, PublicSignatories.Counts counts, PublicSignatories.Page page,
                                  PageLanguage language, String totalMatches) {
    }
}
