package org.undersigned.abuse;

import org.jboss.resteasy.reactive.RestForm;

/** One row of the limits page as posted: the two numbers as typed ("1,000" reads as 1000), or "reset". */
public record RateLimitForm(@RestForm String perMinute, @RestForm String burst, @RestForm String action) {

    boolean reset() {
        return "reset".equals(action);
    }

    /** The change asked for; a number that does not read as one is missing, and validation says so. */
    LimitChange change() {
        return new LimitChange(number(perMinute), number(burst));
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
