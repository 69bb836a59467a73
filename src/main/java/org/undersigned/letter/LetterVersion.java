package org.undersigned.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.undersigned.infra.Hashing;

import java.time.Instant;
import java.util.Optional;

/** The text of a letter as published: immutable, numbered, identified by its SHA-256. */
@Entity
@Table(name = "letter_version")
public class LetterVersion extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_version_seq", sequenceName = "letter_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_version_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id")
    public Letter letter;

    public int number;
    public String title;
    public String addressees;
    public String bodyMarkdown;
    public String sha256;
    public Instant publishedAt;

    static LetterVersion freeze(Letter letter, int number, Instant now) {
        LetterVersion v = new LetterVersion();
        v.letter = letter;
        v.number = number;
        v.title = letter.title;
        v.addressees = letter.addressees;
        v.bodyMarkdown = letter.bodyMarkdown;
        v.sha256 = Hashing.sha256Hex(canonicalText(v.title, v.addressees, v.bodyMarkdown));
        v.publishedAt = now;
        return v;
    }

    /**
     * What the digest covers: title, addressees and body with Unix line ends, so anyone holding
     * the text can recompute it.
     */
    public static String canonicalText(String title, String addressees, String body) {
        return "Title: " + title + "\nTo: " + addressees + "\n\n" + body.replace("\r\n", "\n") + "\n";
    }

    public static Optional<LetterVersion> find(long letterId, int number) {
        return find("letter.id = ?1 and number = ?2", letterId, number).firstResultOptional();
    }
}
