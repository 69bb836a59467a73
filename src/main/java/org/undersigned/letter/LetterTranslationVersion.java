package org.undersigned.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.undersigned.web.Language;

import java.time.Instant;
import java.util.Optional;

/**
 * A translation as readers saw it: immutable, tied to the letter version it translates and
 * identified by its own SHA-256 (over the same canonical form as {@link LetterVersion}'s): the
 * working copy's {@link TranslatedText} at the moment it was frozen.
 */
@Entity
@Table(name = "letter_translation_version")
public class LetterTranslationVersion extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_translation_version_seq", sequenceName = "letter_translation_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_translation_version_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id")
    private Letter letter;

    private String language;
    private int revision;
    private int letterVersion;
    @Embedded
    private TranslatedText text;
    private Instant publishedAt;

    static LetterTranslationVersion freeze(LetterTranslation t, Instant now) {
        LetterTranslationVersion v = new LetterTranslationVersion();
        v.letter = t.letter();
        v.language = t.language().tag();
        v.revision = t.revision();
        v.letterVersion = t.translatesVersion();
        v.text = t.text().copy();
        v.publishedAt = now;
        return v;
    }

    /** The newest frozen revision of this language for that letter version. */
    public static Optional<LetterTranslationVersion> latest(long letterId, Language language, int letterVersion) {
        return find("letter.id = ?1 and language = ?2 and letterVersion = ?3 order by revision desc",
                letterId, language.tag(), letterVersion).firstResultOptional();
    }

    public Language language() {
        return new Language(language);
    }

    public int revision() {
        return revision;
    }

    public int letterVersion() {
        return letterVersion;
    }

    public TranslatedText text() {
        return text;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
