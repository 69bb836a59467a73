package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * One bulk invalidation: which entries of a letter it took out (by client address or range,
 * email domain and/or time window) and whether it was reversed. Its items remember each entry's
 * previous state, so reversing restores exactly what was there.
 */
@Entity
@Table(name = "signature_invalidation")
public class SignatureInvalidation extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "signature_invalidation_seq", sequenceName = "signature_invalidation_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_invalidation_seq")
    public Long id;

    public long letterId;
    /** An address or a CIDR range, e.g. {@code 203.0.113.0/24}. */
    public String clientRange;
    public String emailDomain;
    public Instant fromTime;
    public Instant toTime;
    public String reason;
    public int signatureCount;
    public Long createdBy;
    public Instant createdAt;
    public Long reversedBy;
    /** The background job that finishes a large invalidation; null when the request did it all. */
    public Long jobId;
    public Instant reversedAt;

    @Version
    public long version;

    public static List<SignatureInvalidation> forLetter(long letterId) {
        return list("letterId = ?1 order by id desc", letterId);
    }

    public boolean reversed() {
        return reversedAt != null;
    }

    public void reverse(Instant now, Long by) {
        if (reversedAt != null) {
            throw new org.undersigned.web.ConflictException(admin().vetting_invalidation_already_reversed());
        }
        reversedAt = now;
        reversedBy = by;
    }
}
