package org.undersigned.letter;

import jakarta.persistence.Embeddable;
import org.undersigned.infra.Hashing;

/**
 * A translation's text as one value: title, addressees, body and the SHA-256 of their canonical
 * form (the same form as {@link LetterVersion}'s). The working copy ({@link LetterTranslation})
 * and each frozen revision ({@link LetterTranslationVersion}) hold one, in the same columns.
 */
@Embeddable
public class TranslatedText {

    private String title;
    private String addressees;
    private String bodyMarkdown;
    private String sha256;

    protected TranslatedText() {
        // for JPA
    }

    private TranslatedText(String title, String addressees, String bodyMarkdown) {
        this.title = title;
        this.addressees = addressees;
        this.bodyMarkdown = bodyMarkdown;
        this.sha256 = Hashing.sha256Hex(LetterVersion.canonicalText(title, addressees, bodyMarkdown));
    }

    static TranslatedText of(String title, String addressees, String bodyMarkdown) {
        return new TranslatedText(title, addressees, bodyMarkdown);
    }

    /** The same text, for a frozen revision: a value, so copying it keeps the hash. */
    TranslatedText copy() {
        return new TranslatedText(title, addressees, bodyMarkdown);
    }

    public String title() {
        return title;
    }

    public String addressees() {
        return addressees;
    }

    public String bodyMarkdown() {
        return bodyMarkdown;
    }

    public String sha256() {
        return sha256;
    }
}
