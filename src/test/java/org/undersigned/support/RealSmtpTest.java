package org.undersigned.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.undersigned.mail.RealSmtp;

import java.util.Arrays;

/**
 * The set-up of a test that reads what a real SMTP server received: a fresh GreenMail server on
 * {@link RealSmtp#PORT} for each test, and the ways to read its messages. A subclass carries
 * {@code @QuarkusTest @TestProfile(RealSmtp.class)} itself.
 */
public abstract class RealSmtpTest {

    @Inject
    protected TestData data;

    @Inject
    protected Admins admins;

    @Inject
    protected Background background;

    protected GreenMail smtp;

    @BeforeEach
    protected void startSmtp() {
        smtp = background.freshSmtpServer(RealSmtp.PORT);
    }

    @AfterEach
    protected void stopSmtp() {
        smtp.stop();
    }

    /** The last message to this address, once the outbox has sent what is due. */
    protected MimeMessage receivedBy(String email) {
        background.sendDueMail();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no email to " + email));
    }

    /** The plain-text part, with Unix line ends. */
    protected static String text(MimeMessage m) {
        try {
            return ((String) ((Multipart) m.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
