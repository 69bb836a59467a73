package org.undersigned.infra;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and normalizes email addresses. */
public final class EmailAddresses {

    /** Deliberately simple: something@domain.tld, no spaces; the confirmation email proves the rest. */
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]{2,}$");
    private static final Set<String> GMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches()
                && email.indexOf('@') <= 64 && !email.contains("..");
    }

    /**
     * The form used to recognise the same mailbox: lower case, without a "+tag", and for Gmail
     * without dots (Gmail ignores them) and with googlemail.com folded into gmail.com.
     */
    public static String normalize(String email) {
        String lower = email.trim().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 1) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (GMAIL_DOMAINS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /** The part after the @, lower case. */
    public static String domain(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
