package org.undersigned.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.undersigned.web.IllegalTransitionException;
import org.undersigned.web.Language;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An editor's translation of a letter's title, addressees and text into one language: the
 * working copy. Every save is a new revision with its own SHA-256; once the letter is
 * published, each revision readers can see is frozen as a {@link LetterTranslationVersion}.
 * Its {@link TranslationState} says whether it still matches the canonical text.
 */
@Entity
@Table(name = "letter_translation")
public class LetterTranslation extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_translation_seq", sequenceName = "letter_translation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_translation_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id")
    private Letter letter;

    private String language;

    @Enumerated(EnumType.STRING)
    private TranslationState state = TranslationState.CURRENT;

    @Embedded
    private TranslatedText text;
    private int revision;
    /** The canonical version this translates; null while the letter is a draft (nothing frozen yet). */
    private Integer translatesVersion;
    private Instant updatedAt;

    @Version
    private long version;

    public static List<LetterTranslation> of(long letterId) {
        return list("letter.id = ?1 order by language", letterId);
    }

    public static Optional<LetterTranslation> find(long letterId, Language language) {
        return find("letter.id = ?1 and language = ?2", letterId, language.tag()).firstResultOptional();
    }

    /** A new translation, written now; frozen at once if the letter is already published. */
    static LetterTranslation start(Letter letter, Language language) {
        LetterTranslation t = new LetterTranslation();
        t.letter = letter;
        t.language = language.tag();
        return t;
    }

    /**
     * The editor writes (or rewrites) the translation: it becomes CURRENT for the letter's current
     * text, as a new revision. On a published letter the revision is frozen for readers.
     *
     * @return the frozen revision, or empty while the letter is a draft
     */
    Optional<LetterTranslationVersion> write(String title, String addressees, String body, Instant now) {
        moveTo(TranslationState.CURRENT);
        text = TranslatedText.of(title, addressees, body);
        revision++;
        updatedAt = now;
        translatesVersion = letter.currentVersion();
        return translatesVersion == null ? Optional.empty() : Optional.of(LetterTranslationVersion.freeze(this, now));
    }

    /** The letter is published: a current translation is frozen as translating version 1. */
    Optional<LetterTranslationVersion> publishWith(int letterVersion, Instant now) {
        if (state != TranslationState.CURRENT) {
            return Optional.empty();
        }
        translatesVersion = letterVersion;
        return Optional.of(LetterTranslationVersion.freeze(this, now));
    }

    /** The canonical text changed: readers no longer see this translation until an editor updates it. */
    void markOutOfDate(Instant now) {
        moveTo(TranslationState.OUT_OF_DATE);
        updatedAt = now;
    }

    private void moveTo(TranslationState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException("translation", state, target);
        }
        state = target;
    }

    // ----- questions ---------------------------------------------------------------------------

    /** Shown to readers: it translates the letter's current published text. */
    public boolean isShown() {
        return state == TranslationState.CURRENT && translatesVersion != null
                && translatesVersion.equals(letter.currentVersion());
    }

    public Long id() {
        return id;
    }

    public Letter letter() {
        return letter;
    }

    public Language language() {
        return new Language(language);
    }

    public TranslationState state() {
        return state;
    }

    /** Title, addressees, body and their SHA-256 as last written. */
    public TranslatedText text() {
        return text;
    }

    public int revision() {
        return revision;
    }

    public Integer translatesVersion() {
        return translatesVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
