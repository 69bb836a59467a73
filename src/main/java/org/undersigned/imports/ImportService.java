package org.undersigned.imports;

import static org.undersigned.web.AdminText.admin;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.abuse.DisposableEmails;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.infra.EmailAddresses;
import org.undersigned.infra.Tokens;
import org.undersigned.jobs.Jobs;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureInserts;
import org.undersigned.web.ConflictException;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.RuleException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Brings signatures collected elsewhere (a Google Forms or Action Network CSV export) into the
 * vetting queue: upload ({@link CsvFile}), map the columns ({@link ColumnMapping}, guessed from
 * the headers), see a report of every problem before anything is written ({@link RowEvaluation}),
 * then import every good row in one transaction, all or nothing, as a background job
 * ({@link ImportRun}).
 */
@ApplicationScoped
public class ImportService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;
    static final int PROGRESS_EVERY = 250;

    @Inject
    EntityManager em;

    @Inject
    RowEvaluation evaluation;

    @Inject
    SignatureInserts inserts;

    @Inject
    DisposableEmails disposable;

    @Inject
    Tokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    Jobs jobs;

    @Transactional
    public SignatureImport upload(SignedInAdmin admin, long letterId, String filename, byte[] bytes) {
        LetterService.require(letterId);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FormErrors.none().add("file", admin().imports_file_required()));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(FormErrors.none().add("file", admin().imports_file_too_large()));
        }
        String text = CsvFile.decode(bytes);
        CsvFile file = CsvFile.parse(text);
        if (file.rows().isEmpty()) {
            throw new InvalidInputException(FormErrors.none().add("file", admin().imports_file_no_rows()));
        }
        if (file.rows().size() > MAX_ROWS) {
            throw new InvalidInputException(FormErrors.none().add("file", admin().imports_file_too_many_rows()));
        }
        SignatureImport imp = SignatureImport.uploaded(letterId, admin.id(), filename, file, text, Instant.now());
        imp.persist();
        audit.record(admin.actor(), "import.uploaded", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("import", imp.id(), "file", imp.filename(), "rows", imp.rowsTotal()));
        return imp;
    }

    public SignatureImport require(SignedInAdmin admin, long importId) {
        return SignatureImport.<SignatureImport>findByIdOptional(importId).orElseThrow(NotFoundException::new);
    }

    /** The uploaded file, or an empty one once it has been deleted. */
    public CsvFile file(SignatureImport imp) {
        return CsvFile.of(imp);
    }

    /** Validates every row under the given mapping and saves the mapping. Writes no signature. */
    @Transactional
    public ImportReport check(SignedInAdmin admin, long importId, ColumnMapping mapping) {
        SignatureImport imp = require(admin, importId);
        if (!imp.status().editable()) {
            throw new RuleException(admin().imports_already_imported_title(), admin().imports_already_imported());
        }
        ImportReport report = evaluation.evaluate(Letter.findById(imp.letterId()), CsvFile.of(imp), mapping).report();
        imp.checked(mapping, report.valid(), Instant.now());
        return report;
    }

    /**
     * Starts the import of every valid row: marks it RUNNING and queues a background job for it
     * in the same transaction ({@link ImportRun}), so it survives a restart: another instance
     * takes it up, and it ends DONE or visibly FAILED, never RUNNING for ever.
     */
    public SignatureImport start(SignedInAdmin admin, long importId, long expectedVersion) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SignatureImport imp = require(admin, importId);
            if (imp.status() != ImportStatus.CHECKED) {
                throw new RuleException(admin().imports_check_first_title(), admin().imports_check_first());
            }
            if (imp.version() != expectedVersion) {
                throw new ConflictException(admin().imports_changed_meanwhile());
            }
            imp.start(Instant.now());
            jobs.start(ImportRun.KIND, imp.letterId(), Map.of("import", importId), (long) imp.rowsValid(), admin.actor());
            return imp;
        });
    }

    /**
     * Inserts every valid row in the caller's transaction (the job's chunk): a failure anywhere
     * undoes the whole import, and a worker that dies midway leaves nothing behind for the next
     * one to trip over. Progress is written in separate short transactions so it can be watched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int importRows(long importId, Actor actor) {
        SignatureImport imp = SignatureImport.findById(importId);
        if (imp == null || imp.status() != ImportStatus.RUNNING) {
            return 0; // cancelled or already done
        }
        if (imp.content().isEmpty()) {
            throw new IllegalStateException("the upload of import " + importId + " was deleted");
        }
        Letter letter = Letter.findById(imp.letterId());
        List<RowEvaluation.Candidate> valid = evaluation.evaluate(letter, CsvFile.of(imp), imp.mapping()).valid();
        Instant now = Instant.now();
        int done = 0;
        int inserted = 0;
        for (RowEvaluation.Candidate c : valid) {
            // No confirmation link is ever sent for an imported entry: the token only fills the column.
            Signature s = Signature.imported("import", letter, c.input(), tokens.issue().hash(), now);
            s.recordSignals(null, null, disposable.isDisposable(EmailAddresses.domain(s.email())));
            if (inserts.insertIfNew(s).isPresent()) {
                inserted++;
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress(importId, done);
            }
        }
        imp.finish(done, inserted == done ? null
                : (done - inserted) + " row(s) were skipped because the same people signed while the import ran.", Instant.now());
        audit.record(actor, "signatures.imported", AuditLog.Subject.letter(letter.id), null,
                AuditLog.values("import", importId, "rows", inserted));
        Log.infof("Import %d finished: %d signatures added to the queue", importId, inserted);
        return inserted;
    }

    /** The import's job was given up: nothing was added, and the admin can check and retry. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markFailed(long importId) {
        SignatureImport imp = SignatureImport.findById(importId);
        if (imp != null && imp.status() == ImportStatus.RUNNING) {
            Log.warnf("Import %d failed and was rolled back", importId);
            imp.fail(admin().imports_failed(), Instant.now());
        }
    }

    private void progress(long importId, int done) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update signature_import set rows_done = ?1, updated_at = now() where id = ?2")
                .setParameter(1, done).setParameter(2, importId).executeUpdate());
    }
}
