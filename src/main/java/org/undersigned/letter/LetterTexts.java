package org.undersigned.letter;

import jakarta.enterprise.context.ApplicationScoped;
import org.undersigned.web.Language;

import java.util.ArrayList;
import java.util.List;

/**
 * What readers may see of a published letter in each language: the canonical version, and every
 * translation that translates it (out-of-date translations are not offered). Used by the public
 * pages, the PDF and the sign-on, so all three agree on which text, and which digest, a reader saw.
 */
@ApplicationScoped
public class LetterTexts {

    /** A published text: the canonical version or a frozen translation of it, with its digest. */
    public record PublishedText(Language language, int version, String title, String addressees, String bodyMarkdown,
                                String sha256, boolean canonical) {
    }

    /** The canonical language first, then each shown translation. */
    public List<Language> languages(Letter letter) {
        List<Language> out = new ArrayList<>();
        out.add(letter.language());
        if (letter.currentVersion() != null) {
            LetterTranslation.of(letter.id).stream().filter(LetterTranslation::isShown)
                    .map(LetterTranslation::language).forEach(out::add);
        }
        return out;
    }

    /** The text in {@code wanted} when a current translation exists (or it is the canonical language), else the canonical one. */
    public PublishedText text(Letter letter, Language wanted) {
        LetterVersion canonical = LetterVersion.find(letter.id, letter.currentVersion()).orElseThrow();
        if (wanted != null && !wanted.equals(letter.language())) {
            var shown = LetterTranslation.find(letter.id, wanted).filter(LetterTranslation::isShown);
            if (shown.isPresent()) {
                var frozen = LetterTranslationVersion.latest(letter.id, wanted, canonical.number);
                if (frozen.isPresent()) {
                    LetterTranslationVersion t = frozen.get();
                    return new PublishedText(t.language(), canonical.number, t.text().title(), t.text().addressees(),
                            t.text().bodyMarkdown(), t.text().sha256(), false);
                }
            }
        }
        return new PublishedText(letter.language(), canonical.number, canonical.title, canonical.addressees,
                canonical.bodyMarkdown, canonical.sha256, true);
    }
}
