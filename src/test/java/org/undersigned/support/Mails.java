package org.undersigned.support;

import org.undersigned.mail.OutboxEmail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the links signers receive. */
public final class Mails {

    private Mails() {
    }

    /** The path (e.g. "/confirm/abc…") of the first link in the body that contains {@code marker}. */
    public static String linkPath(String body, String marker) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(marker) + "[A-Za-z0-9_-]+)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no link containing " + marker + " in:\n" + body);
        }
        return m.group(1);
    }

    /** The signer follows the link in their latest confirmation email; returns the self-service path. */
    public static String confirmByLink(List<OutboxEmail> emails) {
        String path = linkPath(last(emails).bodyText, "/confirm/");
        String location = io.restassured.RestAssured.given().redirects().follow(false).post(path)
                .then().statusCode(303).extract().header("Location");
        return location.replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
    }

    public static OutboxEmail last(List<OutboxEmail> emails) {
        if (emails.isEmpty()) {
            throw new AssertionError("no email was queued");
        }
        return emails.get(emails.size() - 1);
    }
}
