package org.undersigned.mail;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a queued email into the message that goes out: a plain-text part and an accessible HTML
 * part made from it (paragraphs, real links, the language declared), a Message-ID on the site's
 * own domain, {@code Auto-Submitted} on automatic mail, and RFC 8058 one-click unsubscribe
 * headers on mailings. DKIM signing, when configured, is done by the mailer ({@code quarkus.mailer.dkim.*}).
 */
@ApplicationScoped
public class MailMessages {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");
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
        Mail mail = Mail.withText(email.recipient(), email.subject(), email.bodyText())
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

    private static void appendWithLinks(StringBuilder out, String line) {
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            out.append(escape(line.substring(at, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = m.end();
        }
        out.append(escape(line.substring(at)));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private String domain() {
        if (domain == null) {
            domain = URI.create(site.publicUrl()).getHost();
        }
        return domain;
    }
}
