package org.undersigned.mailing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.mail.RealSmtp;
import org.undersigned.support.RealSmtpTest;
import org.undersigned.support.SignOnForms;
import org.undersigned.support.TestData;
import org.undersigned.support.TestData.LetterOptions;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vetters hear about waiting entries at most once a period per letter, never once per sign-on. */
@QuarkusTest
@TestProfile(RealSmtp.class)
class VetterDigestTest extends RealSmtpTest {

    @Inject
    VetterDigests digests;

    private MimeMessage[] digestsTo(String email, Letter letter) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email) && m.getSubject().endsWith(letter.title);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void oneDigestPerVetterAndLetterPerPeriodWithTheCountAndALink() throws Exception {
        String vetter = admins.create(Role.VETTER);
        String editor = admins.create(Role.EDITOR);
        Letter letter = data.open(LetterOptions.organizationsOnly());
        for (int i = 0; i < 3; i++) {
            String email = TestData.uniqueEmail("waiting");
            SignOnForms.post(letter.slug, SignOnForms.organization("Waiting Org " + i + email, email)).then().statusCode(303);
            data.confirm(email);
        }
        digests.run();
        background.sendDueMail();
        MimeMessage[] first = digestsTo(vetter, letter);
        assertEquals(1, first.length);
        assertTrue(first[0].getSubject().startsWith("3 entries wait for review"), first[0].getSubject());
        String text = ((String) ((jakarta.mail.Multipart) first[0].getContent()).getBodyPart(0).getContent());
        assertTrue(text.contains("/admin/letters/" + letter.id + "/queue"), text);
        assertEquals(0, digestsTo(editor, letter).length, "editors do not vet");

        // More sign-ons within the period: no second email.
        String another = TestData.uniqueEmail("waiting");
        SignOnForms.post(letter.slug, SignOnForms.organization("Waiting Org late " + another, another)).then().statusCode(303);
        data.confirm(another);
        digests.run();
        background.sendDueMail();
        assertEquals(1, digestsTo(vetter, letter).length);

        // Once the period has passed, the next digest says how many wait now.
        data.execute("update vetter_digest set last_sent_at = now() - interval '7 hours' where letter_id = ?1", letter.id);
        digests.run();
        background.sendDueMail();
        MimeMessage[] both = digestsTo(vetter, letter);
        assertEquals(2, both.length);
        assertTrue(Arrays.stream(both).anyMatch(m -> {
            try {
                return m.getSubject().startsWith("4 entries wait");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
