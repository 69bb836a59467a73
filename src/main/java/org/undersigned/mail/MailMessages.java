package org.undersigned.mail;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Turns a queued email into the message that goes out: a plain-text part and an accessible HTML
 * part made from it (paragraphs, real links, the language declared), a Message-ID on the site's
 * own domain, {@code Auto-Submitted} on automatic mail, and RFC 8058 one-click unsubscribe
 * headers on mailings. DKIM signing, when configured, is done by the mailer ({@code quarkus.mailer.dkim.*}).
 */
@ApplicationScoped
public class MailMessages {

    /** Kinds a person asked to send to people who are not signers: replies are welcome, so not "auto-generated". */
    private static final String PERSONAL_KIND_PREFIX = "letter.delivery";

    @Inject
    SiteConfig site;

    private String domain;

    /** The Message-ID of an outbox email: stable, so a delivery record can name it before it is sent. */
    public String messageId(long outboxId, Instant createdAt) {
        return "<" + outboxId + "." + createdAt.toEpochMilli() + "@" + domain() + ">";
    }

    public Mail toMail(OutboxClaims.Claimed email) {
        // Several addressees (a letter's delivery) are stored comma-separated and receive one email together.
        Mail mail = new Mail().setTo(List.of(email.recipient().split(",\\s*"))).setSubject(email.subject())
                .setText(email.bodyText())
                .setHtml(html(email.subject(), email.bodyText()))
                .addHeader("Message-ID", messageId(email.id(), email.createdAt()));
        if (!email.kind().startsWith(PERSONAL_KIND_PREFIX)) {
            mail.addHeader("Auto-Submitted", "auto-generated");
        }
        if (email.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (email.replyTo() != null) {
            mail.setReplyTo(email.replyTo());
        }
        return mail;
    }

    /** The HTML part: the same words, as paragraphs with working links; no images, no tracking. */
    static String html(String subject, String text) {
        StringBuilder out = new StringBuilder(text.length() * 2 + 400);
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(subject))
                .append("</title></head><body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5;")
                .append(" color: #1a1a1a; max-width: 40em;\">\n");
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            out.append("<p>");
            String[] lines = paragraph.split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                appendWithLinks(out, lines[i]);
            }
            out.append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    /** Escapes the line and turns each http(s) address in it into a link; one pass, no regular expression. */
    private static void appendWithLinks(StringBuilder out, String line) {
        int at = 0;
        while (at < line.length()) {
            int link = nextLink(line, at);
            if (link < 0) {
                escape(out, line, at, line.length());
                return;
            }
            escape(out, line, at, link);
            int end = link;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && "<>\"".indexOf(line.charAt(end)) < 0) {
                end++;
            }
            while (end > link && ".,;:!?)".indexOf(line.charAt(end - 1)) >= 0) {
                end--; // punctuation after an address belongs to the sentence
            }
            out.append("<a href=\"");
            escape(out, line, link, end);
            out.append("\">");
            escape(out, line, link, end);
            out.append("</a>");
            at = end;
        }
    }

    private static int nextLink(String line, int from) {
        int http = line.indexOf("http://", from);
        int https = line.indexOf("https://", from);
        return http < 0 ? https : https < 0 ? http : Math.min(http, https);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        escape(b, s, 0, s.length());
        return b.toString();
    }

    private static void escape(StringBuilder b, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
    }

    private String domain() {
        if (domain == null) {
            domain = URI.create(site.publicUrl()).getHost();
        }
        return domain;
    }
}
