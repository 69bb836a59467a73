package org.undersigned.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the languages of a public page. The address decides ({@code ?lang=es}, the one scheme
 * used everywhere); without it, the browser's {@code Accept-Language}; without a match, the
 * letter's own language for its text and English for the interface. Nothing is remembered
 * between requests: no cookie is set or read.
 */
@ApplicationScoped
public class PageLanguages {

    @Inject
    Languages languages;

    /**
     * @param path      the page's address without a query, for the language links
     * @param available the letter's languages, its canonical one first (see the directory entry or {@code letter.LetterTexts#languages})
     */
    public PageLanguage forLetter(String path, List<Language> available, String lang, String acceptLanguage) {
        Language canonical = available.get(0);
        Optional<Language> explicit = Language.parse(lang);
        Language ui = languages.chooseInterface(lang, acceptLanguage);
        Language content;
        if (explicit.isPresent()) {
            content = match(explicit.get(), available).orElse(canonical);
        } else {
            // The reader's own order of preference decides, so "ar, en" reads the Arabic translation.
            content = languages.fromAcceptLanguage(acceptLanguage, available).orElse(canonical);
        }
        String param = content.equals(canonical) ? ui.tag() : content.tag();
        List<PageLanguage.Link> links = new ArrayList<>();
        for (Language l : available) {
            links.add(new PageLanguage.Link(l.tag(), l.nativeName(), l.dir(), path + "?lang=" + l.tag(),
                    l.tag().equals(param), true));
        }
        for (Language l : languages.interfaceLanguages()) {
            if (available.stream().noneMatch(a -> a.primary().equals(l.primary()))) {
                links.add(new PageLanguage.Link(l.tag(), l.nativeName(), l.dir(), path + "?lang=" + l.tag(),
                        l.tag().equals(param), false));
            }
        }
        return new PageLanguage(ui, content, param, links);
    }

    /** A page with no letter text of its own (the list of letters): the interface language alone. */
    public PageLanguage forInterface(String path, String lang, String acceptLanguage) {
        Language ui = languages.chooseInterface(lang, acceptLanguage);
        List<PageLanguage.Link> links = languages.interfaceLanguages().stream()
                .map(l -> new PageLanguage.Link(l.tag(), l.nativeName(), l.dir(), path + "?lang=" + l.tag(), l.equals(ui), false))
                .toList();
        return new PageLanguage(ui, ui, ui.tag(), links);
    }

    private static Optional<Language> match(Language wanted, List<Language> offered) {
        return offered.stream().filter(o -> o.equals(wanted)).findFirst()
                .or(() -> offered.stream().filter(o -> o.primary().equals(wanted.primary())).findFirst());
    }
}
