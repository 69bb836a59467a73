package org.undersigned.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A signatory category the letter's editors define ("National", "State and local", …); signers pick one. */
@Entity
@Table(name = "letter_category")
public class LetterCategory extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "letter_category_seq", sequenceName = "letter_category_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_category_seq")
    private Long id;
    private Long letterId;
    private String name;
    private int position;
    private Instant createdAt;

    protected LetterCategory() {
    }

    static LetterCategory create(long letterId, String name, int position, Instant now) {
        LetterCategory c = new LetterCategory();
        c.letterId = letterId;
        c.name = name;
        c.position = position;
        c.createdAt = now;
        return c;
    }

    public static List<LetterCategory> ofLetter(long letterId) {
        return list("letterId = ?1 order by position, id", letterId);
    }

    void moveTo(int position) {
        this.position = position;
    }

    public long id() {
        return id;
    }

    public long letterId() {
        return letterId;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }
}
