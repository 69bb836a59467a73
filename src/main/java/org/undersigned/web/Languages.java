package org.undersigned.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The languages the interface speaks and the choice of one for a request. The interface speaks
 * English (the bundle's defaults in {@link Msg}) and every language with a
 * {@code messages/msg_<tag>.properties} file: adding a language is adding that one file.
 * A request chooses by its {@code lang} query parameter, else by {@code Accept-Language}; no
 * cookie is ever set or read.
 */
@ApplicationScoped
public class Languages {

    private final List<Language> ui = findInterfaceLanguages();
    private final Map<String, Msg> bundles = new ConcurrentHashMap<>();

    private static List<Language> findInterfaceLanguages() {
        List<Language> found = new ArrayList<>(List.of(Language.ENGLISH));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String iso : Locale.getISOLanguages()) {
            if (loader.getResource("messages/msg_" + iso + ".properties") != null) {
                found.add(new Language(iso));
            }
        }
        return List.copyOf(found);
    }

    /** English first, then the translated bundles. */
    public List<Language> interfaceLanguages() {
        return ui;
    }

    public boolean speaks(Language language) {
        return ui.stream().anyMatch(l -> l.primary().equals(language.primary()));
    }

    /** The interface language nearest to this one (its primary subtag), or English. */
    public Language interfaceFor(Language language) {
        return ui.stream().filter(l -> l.primary().equals(language.primary())).findFirst().orElse(Language.ENGLISH);
    }

    /**
     * The language a reader asked for: an explicit {@code lang} among {@code offered} wins; else
     * the first of their {@code Accept-Language} preferences that is offered (by primary subtag);
     * else {@code fallback}.
     */
    public Language choose(String lang, String acceptLanguage, List<Language> offered, Language fallback) {
        Optional<Language> explicit = Language.parse(lang).flatMap(l -> match(l, offered));
        if (explicit.isPresent()) {
            return explicit.get();
        }
        return fromAcceptLanguage(acceptLanguage, offered).orElse(fallback);
    }

    /** The interface language for a page that has no translated content of its own. */
    public Language chooseInterface(String lang, String acceptLanguage) {
        return choose(lang, acceptLanguage, ui, Language.ENGLISH);
    }

    public Optional<Language> fromAcceptLanguage(String header, List<Language> offered) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                    continue;
                }
                Optional<Language> m = Language.parse(range.getRange()).flatMap(l -> match(l, offered));
                if (m.isPresent()) {
                    return m;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // a broken header is no preference
        }
        return Optional.empty();
    }

    /** Exact tag first, then the same primary language ("es-MX" reads "es"). */
    private static Optional<Language> match(Language wanted, List<Language> offered) {
        return offered.stream().filter(o -> o.tag().equalsIgnoreCase(wanted.tag())).findFirst()
                .or(() -> offered.stream().filter(o -> o.primary().equals(wanted.primary())).findFirst());
    }

    /** The message bundle in this interface language (English when there is no such bundle). */
    public Msg msg(Language language) {
        Language l = interfaceFor(language);
        return bundles.computeIfAbsent(l.tag(), tag -> l.equals(Language.ENGLISH)
                ? MessageBundles.get(Msg.class)
                : MessageBundles.get(Msg.class, Localized.Literal.of(tag)));
    }
}
