package org.undersigned.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them ("18 May 2021"), in the site's time zone. */
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    @Inject
    SiteConfig site;

    public String date(Instant instant) {
        return instant == null ? null : DATE.format(instant.atZone(site.timeZone()));
    }

    public String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(site.timeZone()));
    }

    public LocalDate today() {
        return LocalDate.now(site.timeZone());
    }
}
