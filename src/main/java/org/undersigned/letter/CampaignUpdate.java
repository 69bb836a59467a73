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
    public Instant createdAt;
    public Instant updatedAt;

    public static List<CampaignUpdate> forLetter(long letterId) {
        return list("letter.id = ?1 order by postedOn desc, id desc", letterId);
    }
}
