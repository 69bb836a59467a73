package org.undersigned.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An uploaded CSV on its way into the vetting queue: UPLOADED → CHECKED → RUNNING → DONE or FAILED. */
@Entity
@Table(name = "signature_import")
public class SignatureImport extends PanacheEntityBase {

    public enum Status { UPLOADED, CHECKED, RUNNING, DONE, FAILED }

    @Id
    @SequenceGenerator(name = "signature_import_seq", sequenceName = "signature_import_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_import_seq")
    public Long id;

    public Long letterId;
    public Long uploadedBy;
    public String filename;
    /** The file as UTF-8 text; cleared once imported, since it holds contact details. */
    public String content;
    /** Field → column index, as "field=3;field=5". */
    public String mapping;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public int rowsTotal;
    public int rowsValid;
    public int rowsDone;
    public String message;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;
}
