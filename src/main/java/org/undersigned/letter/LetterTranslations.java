package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.audit.AuditLog.Subject;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.Language;
import org.undersigned.web.PlainText;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes to a letter's languages: the canonical language, translations of its text and of its
 * campaign updates, and the marking of translations out of date when the canonical text changes.
 * Each change is audited and changes the letter's row version, so public pages re-render.
 */
@ApplicationScoped
public class LetterTranslations {

    @Inject
    AuditLog audit;

    @Inject
    jakarta.enterprise.event.Event<PublicPageChanged> pageChanged;

    /** What an editor sends for one language. */
    public record TranslationInput(String language, String title, String addressees, String bodyMarkdown) {
    }

    public List<LetterTranslation> of(long letterId) {
        return LetterTranslation.of(letterId);
    }

    @Transactional
    public Letter setLanguage(Actor actor, long letterId, String tag) {
        Letter letter = lockedLetter(letterId);
        Language language = Language.parse(tag).orElseThrow(() -> new InvalidInputException(FormErrors.none()
                .add("language", admin().letter_language_invalid())));
        if (LetterTranslation.find(letterId, language).isPresent()) {
            throw new InvalidInputException(FormErrors.none().add("language",
                    admin().letter_translation_exists()));
        }
        Language before = letter.language();
        letter.writtenIn(language, Instant.now());
        audit.record(actor, "letter.language-set", Subject.letter(letterId), AuditLog.values("language", before.tag()),
                AuditLog.values("language", language.tag()));
        pageChanged.fire(new PublicPageChanged(letterId));
        return letter;
    }

    /**
     * Writes the translation into one language: a new revision, CURRENT for the letter's current
     * text (an out-of-date one is thereby brought up to date), frozen for readers if the letter
     * is published. Bad input writes nothing.
     */
    @Transactional
    public LetterTranslation save(Actor actor, long letterId, TranslationInput input) {
        Letter letter = lockedLetter(letterId);
        if (letter.state() == LetterState.ARCHIVED) {
            throw new RuleException(admin().letter_archived_title(), admin().letter_archived());
        }
        FormErrors errors = FormErrors.none();
        Optional<Language> language = Language.parse(input == null ? null : input.language());
        if (language.isEmpty()) {
            errors.add("language", admin().letter_translation_language_invalid());
        } else if (language.get().equals(letter.language())) {
            errors.add("language", admin().letter_translation_same_language());
        }
        String title = PlainText.line(input == null ? null : input.title());
        String addressees = PlainText.line(input == null ? null : input.addressees());
        String body = PlainText.block(input == null ? null : input.bodyMarkdown());
        if (title == null) {
            errors.add("title", admin().letter_translation_title_required());
        } else if (title.length() > 200 || !PlainText.isAcceptable(title)) {
            errors.add("title", admin().letter_translation_title_invalid());
        }
        if (addressees == null) {
            errors.add("addressees", admin().letter_translation_addressees_required());
        } else if (addressees.length() > 300 || !PlainText.isAcceptable(addressees)) {
            errors.add("addressees", admin().letter_translation_addressees_invalid());
        }
        if (body == null) {
            errors.add("bodyMarkdown", admin().letter_translation_body_required());
        } else if (body.length() > 100_000 || !PlainText.isAcceptable(body)) {
            errors.add("bodyMarkdown", admin().letter_translation_body_invalid());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now();
        LetterTranslation t = LetterTranslation.find(letterId, language.get())
                .orElseGet(() -> LetterTranslation.start(letter, language.get()));
        var before = t.id() == null ? null : AuditLog.values("language", t.language().tag(), "revision", t.revision(),
                "state", t.state(), "sha256", t.text().sha256());
        Optional<LetterTranslationVersion> frozen = t.write(title, addressees, body, now);
        if (t.id() == null) {
            t.persist();
        }
        frozen.ifPresent(v -> v.persist());
        letter.updatedAt = now;
        audit.record(actor, "letter.translated", Subject.letter(letterId), before, AuditLog.values("language",
                t.language().tag(), "revision", t.revision(), "translatesVersion", t.translatesVersion(), "sha256", t.text().sha256()));
        pageChanged.fire(new PublicPageChanged(letterId));
        return t;
    }

    /** Removes the working translation; revisions readers already saw stay frozen. */
    @Transactional
    public void remove(Actor actor, long letterId, String tag) {
        Letter letter = lockedLetter(letterId);
        LetterTranslation t = Language.parse(tag).flatMap(l -> LetterTranslation.find(letterId, l))
                .orElseThrow(NotFoundException::new);
        audit.record(actor, "letter.translation-removed", Subject.letter(letterId),
                AuditLog.values("language", t.language().tag(), "revision", t.revision()), null);
        t.delete();
        letter.updatedAt = Instant.now();
        pageChanged.fire(new PublicPageChanged(letterId));
    }

    /** Translates (or with a blank body un-translates) one campaign update. */
    @Transactional
    public CampaignUpdate translateUpdate(Actor actor, long updateId, String tag, String markdown) {
        CampaignUpdate update = CampaignUpdate.<CampaignUpdate>findByIdOptional(updateId).orElseThrow(NotFoundException::new);
        Language language = Language.parse(tag).orElseThrow(() -> new InvalidInputException(FormErrors.none()
                .add("language", admin().letter_translation_language_invalid())));
        String body = PlainText.block(markdown);
        if (body != null && (body.length() > 20_000 || !PlainText.isAcceptable(body))) {
            throw new InvalidInputException(FormErrors.none().add("markdown",
                    admin().letter_update_text_too_long()));
        }
        update.translate(language, body);
        update.updatedAt = Instant.now();
        update.letter.updatedAt = update.updatedAt;
        audit.record(actor, "update.translated", Subject.letter(update.letter.id), null,
                AuditLog.values("update", update.id, "language", language.tag(), "markdown", body));
        pageChanged.fire(new PublicPageChanged(update.letter.id));
        return update;
    }

    /** The canonical text changed: every current translation is out of date until an editor updates it. */
    void canonicalTextChanged(Letter letter, Instant now) {
        for (LetterTranslation t : LetterTranslation.of(letter.id)) {
            if (t.state() == TranslationState.CURRENT) {
                t.markOutOfDate(now);
            }
        }
    }

    /** The letter was published: current translations are frozen as translating its first version. */
    void published(Letter letter, int version, Instant now) {
        for (LetterTranslation t : LetterTranslation.of(letter.id)) {
            t.publishWith(version, now).ifPresent(v -> v.persist());
        }
    }

    private static Letter lockedLetter(long letterId) {
        return Letter.<Letter>findByIdOptional(letterId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(NotFoundException::new);
    }
}
