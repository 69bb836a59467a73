package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.infra.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.infra.EmailAddresses;
import org.undersigned.mail.MailMessages;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.mail.OutboxEmail;
import org.undersigned.mail.OutgoingEmail;
import org.undersigned.web.Dates;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.RuleException;
import org.undersigned.web.SiteConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Delivering a closed letter to its addressees by email: the text they are asked to read (the
 * frozen version, with its SHA-256), how many signed, the permanent link and a link to the PDF.
 * The PDF is linked, not attached: with many signatories it runs to megabytes, which mail
 * systems refuse or file as spam, and the link serves the very bytes the press downloads. The
 * email goes out through the outbox; the delivery record keeps its Message-ID, and the letter is
 * marked delivered ("by email"), which its public and press pages show.
 */
@ApplicationScoped
public class LetterDeliveries {

    static final int MAX_ADDRESSES = 20;

    public record DeliveryView(long id, String recipients, String messageId, long signatories, int textVersion,
                               String queuedAt, String acceptedAt, String status) {
    }

    public record DeliveryPage(long letterId, String title, String slug, LetterState state, String addresseeEmails,
                               long signatories, boolean mayDeliver, List<DeliveryView> deliveries) {
    }

    @Inject
    EntityManager em;

    @Inject
    org.undersigned.web.Languages languages;

    @Inject
    Outbox outbox;

    @Inject
    MailMessages messages;

    @Inject
    SignatureFacts facts;

    @Inject
    LetterService letters;

    @Inject
    AuditLog audit;

    @Inject
    SiteConfig site;

    @Inject
    Dates dates;

    @Transactional
    public DeliveryPage page(long letterId) {
        Letter letter = LetterService.require(letterId);
        List<DeliveryView> deliveries = LetterDelivery.forLetter(letterId).stream().map(this::view).toList();
        return new DeliveryPage(letterId, letter.title, letter.slug, letter.state(), letter.addresseeEmails(),
                approved(letterId), mayDeliver(letter), deliveries);
    }

    /** The addressees' addresses, one per line (or separated by commas); checked, at most {@value #MAX_ADDRESSES}. */
    @Transactional
    public void saveAddresses(Actor actor, long letterId, String text) {
        List<String> addresses = text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+"))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        FormErrors errors = FormErrors.none();
        if (addresses.size() > MAX_ADDRESSES) {
            errors.add("addresseeEmails", admin().delivery_too_many_addresses(MAX_ADDRESSES));
        }
        addresses.stream().filter(a -> !EmailAddresses.isValid(a)).findFirst()
                .ifPresent(bad -> errors.add("addresseeEmails", admin().delivery_not_an_address(bad)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Letter letter = LetterService.require(letterId);
        String before = letter.addresseeEmails();
        letter.setAddresseeEmails(addresses.isEmpty() ? null : String.join("\n", addresses), Instant.now());
        audit.record(actor, "letter.addressee-emails", Subject.letter(letterId),
                AuditLog.values("addresseeEmails", before), AuditLog.values("addresseeEmails", letter.addresseeEmails()));
    }

    /** Emails the letter to its addressees and records the delivery; a closed letter becomes delivered. */
    @Transactional
    public long deliver(Actor actor, long letterId) {
        Letter letter = LetterService.require(letterId);
        if (!mayDeliver(letter)) {
            throw new RuleException(admin().letter_deliver_close_first_title(),
                    admin().letter_deliver_close_first());
        }
        if (letter.addresseeEmails() == null || letter.addresseeEmails().isBlank()) {
            throw new InvalidInputException(FormErrors.none().add("addresseeEmails", admin().letter_deliver_addresses_required()));
        }
        LetterVersion version = LetterVersion.find(letterId, letter.currentVersion()).orElseThrow();
        long signatories = approved(letterId);
        String recipients = String.join(", ", letter.addresseeEmails().split("\n"));
        String url = site.publicUrl() + "/letters/" + letter.slug;
        org.undersigned.web.Msg text = languages.msg(letter.language()); // the addressees read the letter's language
        String body = version.addressees + ",\n\n" + version.bodyMarkdown.strip() + "\n\n"
                + text.delivery_signed_by(signatories) + "\n" + url + "\n\n"
                + text.label_colon(text.press_pdf()) + "\n" + url + "/letter.pdf\n\n"
                + text.letter_digest(version.number) + " " + version.sha256 + "\n\n"
                + letter.coalitionName + (letter.coalitionContact == null ? "" : "\n" + letter.coalitionContact) + "\n";
        OutgoingEmail email = OutgoingEmail.of(MailPriority.NOTICE, "letter.delivery", recipients, version.title, body);
        if (letter.coalitionContact != null && EmailAddresses.isValid(letter.coalitionContact.strip())) {
            email = email.withReplyTo(letter.coalitionContact.strip());
        }
        OutboxEmail queued = outbox.enqueue(email);
        String messageId = messages.messageId(queued.id, queued.createdAt);
        Instant now = Instant.now();
        LetterDelivery delivery = LetterDelivery.record(letterId, recipients, queued.id, messageId, signatories,
                version.number, actor.accountId(), now);
        delivery.persist();
        audit.record(actor, "letter.delivered-by-email", Subject.letter(letterId), null,
                AuditLog.values("delivery", delivery.id(), "messageId", messageId, "signatories", signatories));
        if (letter.state() == LetterState.CLOSED) {
            letters.deliver(actor, letterId, LocalDate.now(site.timeZone()), letter.addressees, "by email, Message-ID " + messageId);
        }
        return delivery.id();
    }

    private static boolean mayDeliver(Letter letter) {
        return letter.state() == LetterState.CLOSED || letter.state() == LetterState.DELIVERED;
    }

    private long approved(long letterId) {
        return facts.countsByState(letterId).getOrDefault("APPROVED", 0L);
    }

    private DeliveryView view(LetterDelivery d) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select state, sent_at from outbox_email where id = ?1", Tuple.class)
                .setParameter(1, d.outboxEmailId()).getResultList();
        String status = rows.isEmpty() ? "SENT" : rows.get(0).get("state", String.class);
        Instant accepted = rows.isEmpty() ? null : Sql.instant(rows.get(0), "sent_at");
        return new DeliveryView(d.id(), d.recipients(), d.messageId(), d.signatories(), d.textVersion(),
                dates.dateTime(d.createdAt()), accepted == null ? null : dates.dateTime(accepted), status.toLowerCase());
    }
}
