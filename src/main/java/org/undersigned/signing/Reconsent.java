package org.undersigned.signing;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.infra.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.PlainText;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.util.List;

/**
 * After the text of a published letter changes, the editor can write to everyone who signed an
 * earlier version: a summary of the change and a link to keep or withdraw their signature.
 */
@ApplicationScoped
public class Reconsent {

    @Inject
    SignerEmails emails;

    @Inject
    Tokens tokens;

    @Inject
    SigningConfig config;

    @Inject
    AuditLog audit;

    /** @return how many signers were emailed */
    @Transactional
    public int askEarlierSigners(Actor actor, long letterId, String summary) {
        String text = PlainText.block(summary);
        if (text == null || text.length() > 5000 || !PlainText.isAcceptable(text)) {
            throw new InvalidInputException(FormErrors.none().add("summary",
                    admin().reconsent_summary_required()));
        }
        Letter letter = LetterService.require(letterId);
        if (letter.currentVersion() == null || letter.currentVersion() < 2) {
            throw new RuleException(admin().reconsent_nothing_changed_title(), admin().reconsent_nothing_changed());
        }
        List<Signature> earlier = Signature.list("letter.id = ?1 and letterVersion < ?2 and state in ?3", letterId,
                letter.currentVersion(), List.of(SignatureState.UNCONFIRMED, SignatureState.PENDING_REVIEW,
                        SignatureState.APPROVED));
        Instant now = Instant.now();
        for (Signature s : earlier) {
            emails.textChanged(s, text, s.issueManageLink(tokens, now, config.manageLinkTtl()));
        }
        audit.record(actor, "letter.reconsent-requested", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("version", letter.currentVersion(), "signersEmailed", earlier.size(), "summary", text));
        return earlier.size();
    }
}
