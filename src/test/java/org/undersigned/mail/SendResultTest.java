package org.undersigned.mail;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an SMTP answer or failure is classified, and that what is recorded of it fits its column. */
class SendResultTest {

    static class AVeryLongExceptionClassNameIndeed extends RuntimeException {
    }

    @Test
    void aFailureNamedByALongClassStillFitsTheReplyColumn() {
        SendResult r = SendResult.failed(1, Instant.now(), new AVeryLongExceptionClassNameIndeed());
        assertEquals(SendResult.Outcome.RETRY, r.outcome());
        assertTrue(r.reply().length() <= SendResult.MAX_REPLY, r.reply());
        assertTrue("AVeryLongExceptionClassNameIndeed".startsWith(r.reply()));
    }

    @Test
    void permanentAndTemporaryRefusalsAreToldApart() {
        assertEquals(SendResult.Outcome.BOUNCED,
                SendResult.failed(1, Instant.now(), new SMTPException("RCPT TO", 550, java.util.List.of("550 5.1.1 no such user"), false)).outcome());
        assertEquals(SendResult.Outcome.SLOW_DOWN,
                SendResult.failed(1, Instant.now(), new SMTPException("MAIL FROM", 421, java.util.List.of("421 4.7.0 try later"), false)).outcome());
    }
}
