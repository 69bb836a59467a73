package org.undersigned.mail;

import org.undersigned.support.RealSmtpTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox against a real SMTP server (GreenMail): what leaves, in which order, with which headers. */
@QuarkusTest
@TestProfile(RealSmtp.class)
class MailDeliveryTest extends RealSmtpTest {

    @Inject
    Outbox outbox;

    private String queue(MailPriority priority, String subject) {
        String to = "prio-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(priority, "test." + priority.name().toLowerCase(), to, subject,
                "Hello,\n\nThis is " + subject + ". See https://example.org/x.\n"));
        return to;
    }

    @Test
    void underABacklogLinksGoFirstThenNoticesThenBulkMail() throws Exception {
        // Queued in the worst order: the bulk mailing first, the confirmations last.
        for (int i = 0; i < 3; i++) {
            queue(MailPriority.BULK, "bulk " + i);
        }
        for (int i = 0; i < 3; i++) {
            queue(MailPriority.NOTICE, "notice " + i);
        }
        for (int i = 0; i < 3; i++) {
            queue(MailPriority.LINK, "link " + i);
        }
        assertEquals(9, background.sendDueMail());
        List<String> order = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            order.add(m.getSubject().split(" ")[0]);
        }
        // Batches of three, one batch at a time (see RealSmtp): the claim order is the send order.
        assertEquals(List.of("link", "link", "link", "notice", "notice", "notice", "bulk", "bulk", "bulk"), order);
    }

    @Test
    void everyEmailHasTextAndHtmlPartsASiteMessageIdAutoSubmittedAndADkimSignature() throws Exception {
        String to = queue(MailPriority.NOTICE, "headers check");
        background.sendDueMail();
        MimeMessage m = Arrays.stream(smtp.getReceivedMessages())
                .filter(r -> recipients(r).contains(to)).findFirst().orElseThrow();
        String messageId = m.getHeader("Message-ID")[0];
        assertTrue(messageId.matches("<\\d+\\.\\d+@localhost>"), "on the site's own domain: " + messageId);
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        String dkim = m.getHeader("DKIM-Signature")[0];
        assertTrue(dkim.contains("d=" + RealSmtp.DKIM_DOMAIN) && dkim.contains("s=test"), dkim);
        assertNull(m.getHeader("List-Unsubscribe"), "only mailings carry unsubscribe headers");
        Multipart parts = (Multipart) m.getContent();
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("<a href=\"https://example.org/x\">"), html);

        OutboxEmail row = OutboxEmail.<OutboxEmail>find("recipient", to).firstResult();
        assertNotNull(row);
        assertEquals(OutboxState.SENT, row.state());
        assertNotNull(row.sentAt);
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
