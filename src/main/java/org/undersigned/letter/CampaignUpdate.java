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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dated note shown above the letter ("UPDATE, May 18: ..."), newest first. */
@Entity
@Table(name = "campaign_update")
public class CampaignUpdate extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "campaign_update_seq", sequenceName = "campaign_update_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_update_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "letter_id")
    public Letter letter;

    public LocalDate postedOn;
    public String bodyMarkdown;
    /** Translations of the body by language tag (for readers of a translated letter). */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "campaign_update_translation", joinColumns = @JoinColumn(name = "update_id"))
    @jakarta.persistence.MapKeyColumn(name = "language")
    @jakarta.persistence.Column(name = "body_markdown")
    private java.util.Map<String, String> translations = new java.util.HashMap<>();

    public Instant createdAt;
    public Instant updatedAt;

    public static List<CampaignUpdate> forLetter(long letterId) {
        return list("letter.id = ?1 order by postedOn desc, id desc", letterId);
    }

    /** The body in this language: its translation if there is one, else as written. */
    public String bodyIn(org.undersigned.web.Language language) {
        return translations.getOrDefault(language.tag(), bodyMarkdown);
    }

    public java.util.Map<String, String> translations() {
        return java.util.Collections.unmodifiableMap(translations);
    }

    /** Sets (or with a null body removes) the translation into one language. */
    void translate(org.undersigned.web.Language language, String body) {
        if (body == null) {
            translations.remove(language.tag());
        } else {
            translations.put(language.tag(), body);
        }
    }
}
