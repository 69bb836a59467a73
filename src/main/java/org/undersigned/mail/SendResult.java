package org.undersigned.mail;

import io.vertx.ext.mail.SMTPException;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happened to one email handed to the SMTP server. Only reply codes and enhanced status codes
 * are kept: reply texts can quote the address.
 */
public record SendResult(long id, Outcome outcome, Instant at, String reply) {

    /** The width of {@code outbox_email.smtp_reply}: a longer note (an exception's class name) is cut to it. */
    static final int MAX_REPLY = 20;

    public SendResult {
        if (reply != null && reply.length() > MAX_REPLY) {
            reply = reply.substring(0, MAX_REPLY);
        }
    }

    /** RFC 3463 enhanced status code at the start of a reply text, e.g. "5.1.1". */
    private static final Pattern ENHANCED_STATUS = Pattern.compile("\\s*([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    public enum Outcome {
        /** The server accepted it. */
        SENT,
        /** A temporary problem (connection, 4xx): try again later. */
        RETRY,
        /** The server asked us to slow down (421, 450, 451): try again later, and send less for a while. */
        SLOW_DOWN,
        /** The server refused it for good (5xx to RCPT or DATA): never retried; the address bounced. */
        BOUNCED
    }

    public static SendResult sent(long id, Instant at) {
        return new SendResult(id, Outcome.SENT, at, null);
    }

    /** Classifies a failure by the SMTP reply in its cause chain; anything else is temporary. */
    public static SendResult failed(long id, Instant at, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                Matcher enhanced = ENHANCED_STATUS.matcher(smtp.getReplyMessage() == null ? "" : smtp.getReplyMessage());
                String reply = code + (enhanced.lookingAt() ? " " + enhanced.group(1) : "");
                if (code == 421 || code == 450 || code == 451) {
                    return new SendResult(id, Outcome.SLOW_DOWN, at, reply);
                }
                return new SendResult(id, code >= 500 ? Outcome.BOUNCED : Outcome.RETRY, at, reply);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The server hung up in the middle of a session. With pipelined commands, that is how a
        // "421 closing" reaches the client (the reply and the close arrive together), so it is
        // treated as one; a refused connection (the server is down) is an ordinary retry.
        if (root.getClass() == java.io.IOException.class) {
            return new SendResult(id, Outcome.SLOW_DOWN, at, root.getClass().getSimpleName());
        }
        return new SendResult(id, Outcome.RETRY, at, root.getClass().getSimpleName());
    }
}
