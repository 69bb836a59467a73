package org.undersigned.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and numbers as people read them, in the site's time zone and the reader's language:
 * "18 May 2021", "18 de mayo de 2021", "18 mai 2021". Without a language, English.
 */
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);

    @Inject
    SiteConfig site;

    public String date(Instant instant) {
        return date(instant, Language.ENGLISH);
    }

    public String date(LocalDate date) {
        return date(date, Language.ENGLISH);
    }

    public String dateTime(Instant instant) {
        return dateTime(instant, Language.ENGLISH);
    }

    public String date(Instant instant, Language language) {
        return instant == null ? null : date(instant.atZone(site.timeZone()).toLocalDate(), language);
    }

    public String date(LocalDate date, Language language) {
        return date == null ? null : dateFormat(language).format(date);
    }

    public String dateTime(Instant instant, Language language) {
        if (instant == null) {
            return null;
        }
        var at = instant.atZone(site.timeZone());
        return dateFormat(language).format(at) + ", " + TIME.withLocale(language.locale()).format(at);
    }

    /** "1,234" in English, "1.234" in Spanish, "1 234" in French. */
    public static String number(long n, Language language) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    public LocalDate today() {
        return LocalDate.now(site.timeZone());
    }

    /** English keeps the day-month-year style the site always used; other languages their own long form. */
    private static DateTimeFormatter dateFormat(Language language) {
        return language.primary().equals("en") ? DATE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
    }
}
