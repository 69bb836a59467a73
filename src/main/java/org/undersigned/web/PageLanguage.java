package org.undersigned.web;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * The languages of one rendered page: the interface's ({@code ui}, which sets {@code <html lang dir>}
 * through the message bundle it is rendered with), the content's (a letter's text, marked with its
 * own {@code lang} and {@code dir} where it differs), and the {@code lang} value the page's own links
 * carry so the reader stays in the language they chose. No cookie is involved.
 */
@TemplateData
public record PageLanguage(Language ui, Language content, String param, List<Link> links) {

    /** A link to the same page in another language, for {@code <a hreflang>} and {@code <link rel=alternate>}. */
    @TemplateData
    public record Link(String tag, String name, String dir, String href, boolean current, boolean translation) {
    }

    public static PageLanguage of(Language ui) {
        return new PageLanguage(ui, ui, ui.tag(), List.of());
    }

    /** {@code ?lang=es}, to append to a link without a query. */
    public String q() {
        return "?lang=" + param;
    }

    /** {@code &lang=es}, to append to a link with a query. */
    public String and() {
        return "&lang=" + param;
    }

    public String lang() {
        return ui.tag();
    }

    public String dir() {
        return ui.dir();
    }

    public String contentLang() {
        return content.tag();
    }

    public String contentDir() {
        return content.dir();
    }
}
