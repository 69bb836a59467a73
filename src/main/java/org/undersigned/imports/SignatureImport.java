package org.undersigned.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.undersigned.web.IllegalTransitionException;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * An uploaded CSV on its way into the vetting queue; its {@link ImportStatus} changes only through
 * the methods here. The mapping is stored as rows ({@code signature_import_column}).
 */
@Entity
@Table(name = "signature_import")
public class SignatureImport extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "signature_import_seq", sequenceName = "signature_import_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_import_seq")
    private Long id;

    private Long letterId;
    private Long uploadedBy;
    private String filename;
    /** The file as UTF-8 text; cleared once imported (or by the retention job), since it holds contact details. */
    private String content;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "signature_import_column", joinColumns = @JoinColumn(name = "import_id"))
    @MapKeyColumn(name = "field")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "column_index")
    private Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);

    @Enumerated(EnumType.STRING)
    private ImportStatus status;
    private int rowsTotal;
    private int rowsValid;
    private int rowsDone;
    private String message;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    static SignatureImport uploaded(long letterId, long uploadedBy, String filename, CsvFile file, String content,
                                    Instant now) {
        SignatureImport imp = new SignatureImport();
        imp.letterId = letterId;
        imp.uploadedBy = uploadedBy;
        imp.filename = filename == null || filename.isBlank() ? "upload.csv"
                : filename.length() > 200 ? filename.substring(0, 200) : filename;
        imp.content = content;
        imp.columns.putAll(ColumnMapping.guess(file.headers()).columns());
        imp.status = ImportStatus.UPLOADED;
        imp.rowsTotal = file.rows().size();
        imp.createdAt = now;
        imp.updatedAt = now;
        return imp;
    }

    /** The rows were checked under {@code mapping}: that mapping is kept for the run. */
    void checked(ColumnMapping mapping, int valid, Instant now) {
        moveTo(ImportStatus.CHECKED, now);
        columns.clear();
        columns.putAll(mapping.columns());
        rowsValid = valid;
    }

    void start(Instant now) {
        moveTo(ImportStatus.RUNNING, now);
        rowsDone = 0;
    }

    /** Every row went in; the upload is deleted, since its contact details now live in the signatures. */
    void finish(int done, String note, Instant now) {
        moveTo(ImportStatus.DONE, now);
        rowsDone = done;
        content = null;
        message = note;
    }

    /** Nothing was added; the admin can check the file again and retry (while it is still stored). */
    void fail(String why, Instant now) {
        moveTo(ImportStatus.FAILED, now);
        rowsDone = 0;
        message = why;
    }

    private void moveTo(ImportStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("import", status, target);
        }
        status = target;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long letterId() {
        return letterId;
    }

    public String filename() {
        return filename;
    }

    /** The uploaded text, if it is still stored. */
    java.util.Optional<String> content() {
        return java.util.Optional.ofNullable(content);
    }

    public ColumnMapping mapping() {
        return new ColumnMapping(columns);
    }

    public ImportStatus status() {
        return status;
    }

    public int rowsTotal() {
        return rowsTotal;
    }

    public int rowsValid() {
        return rowsValid;
    }

    public int rowsDone() {
        return rowsDone;
    }

    public String message() {
        return message;
    }

    public long version() {
        return version;
    }
}
