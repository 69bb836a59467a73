package org.undersigned.mail;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development only: every email the app has queued or sent, newest first, with clickable links,
 * so the whole sign-on flow can be followed without a mail server. Not built into production.
 */
@Path("/dev/mail")
@UnlessBuildProfile("prod")
public class DevMailboxResource {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public record Segment(String text, boolean link) {
    }

    public record Message(long id, String to, String subject, String queuedAt, String status, List<Segment> body) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance devMailbox(List<Message> messages);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        List<OutboxEmail> emails = OutboxEmail.find("order by createdAt desc, id desc").page(0, 200).list();
        return Templates.devMailbox(emails.stream().map(DevMailboxResource::view).toList());
    }

    private static Message view(OutboxEmail e) {
        String status = e.state().name().toLowerCase();
        return new Message(e.id, e.recipient == null ? "(erased after sending)" : e.recipient, e.subject,
                TIME.format(e.createdAt), status, segments(e.bodyText == null ? "" : e.bodyText));
    }

    static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            out.add(new Segment(text.substring(at, m.start()), false));
            out.add(new Segment(m.group(), true));
            at = m.end();
        }
        out.add(new Segment(text.substring(at), false));
        return out;
    }
}
