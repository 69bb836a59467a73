package org.undersigned.imports;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.SignedInAdmin;
import org.undersigned.audit.AuditLog;
import org.undersigned.infra.EmailAddresses;
import org.undersigned.infra.Tokens;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.signing.SignatoryKeys;
import org.undersigned.signing.OrgType;
import org.undersigned.signing.SignOnInput;
import org.undersigned.signing.SignOnValidation;
import org.undersigned.signing.SignatoryKind;
import org.undersigned.signing.Signature;
import org.undersigned.signing.SignatureInserts;
import org.undersigned.web.Countries;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.RuleException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings signatures collected elsewhere (a Google Forms or Action Network CSV export) into the
 * vetting queue: upload, map the columns (guessed from the headers), see a report of every
 * problem before anything is written, then import every good row in one transaction, all or
 * nothing.
 */
@ApplicationScoped
public class ImportService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;
    static final int PROGRESS_EVERY = 250;

    /** One problem in one row: row numbers count the header as row 1, as spreadsheets do. */
    public record Problem(int row, String field, String problem) {
    }

    public record Report(int rows, int valid, int looksLikeDuplicates, List<Problem> problems) {
    }

    public record Parsed(List<String> headers, List<List<String>> rows) {
    }

    /** A row turned into a sign-on, with where it came from. */
    record Candidate(int row, SignOnInput input) {
    }

    @Inject
    EntityManager em;

    @Inject
    SignOnValidation validation;

    @Inject
    SignatureInserts inserts;

    @Inject
    org.undersigned.abuse.DisposableEmails disposable;

    @Inject
    Tokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    LetterAccess access;

    @Inject
    org.undersigned.jobs.Jobs jobs;

    @Transactional
    public SignatureImport upload(SignedInAdmin admin, long letterId, String filename, byte[] bytes) {
        LetterService.require(letterId);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(FormErrors.none().add("file", "Choose a CSV file to upload."));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(FormErrors.none().add("file", "The file is larger than 5 MB; split it into smaller files."));
        }
        String text = decode(bytes);
        Parsed parsed = parse(text);
        if (parsed.rows().isEmpty()) {
            throw new InvalidInputException(FormErrors.none().add("file", "The file has a header row but no rows under it."));
        }
        if (parsed.rows().size() > MAX_ROWS) {
            throw new InvalidInputException(FormErrors.none().add("file", "The file has more than 50,000 rows; split it."));
        }
        Instant now = Instant.now();
        SignatureImport imp = new SignatureImport();
        imp.letterId = letterId;
        imp.uploadedBy = admin.id();
        imp.filename = filename == null || filename.isBlank() ? "upload.csv"
                : filename.length() > 200 ? filename.substring(0, 200) : filename;
        imp.content = text;
        imp.mapping = mappingText(guess(parsed.headers()));
        imp.status = SignatureImport.Status.UPLOADED;
        imp.rowsTotal = parsed.rows().size();
        imp.createdAt = now;
        imp.updatedAt = now;
        imp.persist();
        audit.record(admin.actor(), "import.uploaded", AuditLog.Subject.letter(letterId), null,
                AuditLog.values("import", imp.id, "file", imp.filename, "rows", imp.rowsTotal));
        return imp;
    }

    public SignatureImport require(SignedInAdmin admin, long importId) {
        SignatureImport imp = SignatureImport.<SignatureImport>findByIdOptional(importId).orElseThrow(NotFoundException::new);
        return imp;
    }

    public Parsed parsed(SignatureImport imp) {
        return imp.content == null ? new Parsed(List.of(), List.of()) : parse(imp.content);
    }

    /** Validates every row under the given mapping and saves the mapping. Writes no signature. */
    @Transactional
    public Report check(SignedInAdmin admin, long importId, Map<ImportField, Integer> mapping) {
        SignatureImport imp = require(admin, importId);
        requireEditable(imp);
        Report report = evaluate(imp, mapping).report();
        imp.mapping = mappingText(mapping);
        imp.rowsValid = report.valid();
        imp.status = SignatureImport.Status.CHECKED;
        imp.updatedAt = Instant.now();
        return report;
    }

    /**
     * Starts the import of every valid row: marks it RUNNING and queues a background job for it
     * in the same transaction ({@link ImportRun}), so it survives a restart: another instance
     * takes it up, and it ends DONE or visibly FAILED, never RUNNING for ever.
     */
    public SignatureImport start(SignedInAdmin admin, long importId, long expectedVersion) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SignatureImport imp = markRunning(admin, importId, expectedVersion);
            jobs.start(ImportRun.KIND, imp.letterId, Map.of("import", importId), (long) imp.rowsValid, admin.actor());
            return imp;
        });
    }

    private SignatureImport markRunning(SignedInAdmin admin, long importId, long expectedVersion) {
        SignatureImport imp = require(admin, importId);
        if (imp.status != SignatureImport.Status.CHECKED) {
            throw new RuleException("Check the file first", "Look at the report of problems before importing.");
        }
        if (imp.version != expectedVersion) {
            throw new org.undersigned.web.ConflictException("This import changed since you looked at its report (or it is already running).");
        }
        imp.status = SignatureImport.Status.RUNNING;
        imp.rowsDone = 0;
        imp.updatedAt = Instant.now();
        return imp;
    }

    /**
     * Inserts every valid row in the caller's transaction (the job's chunk): a failure anywhere
     * undoes the whole import, and a worker that dies midway leaves nothing behind for the next
     * one to trip over. Progress is written in separate short transactions so it can be watched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int importRows(long importId, org.undersigned.audit.Actor actor) {
        SignatureImport imp = SignatureImport.findById(importId);
        if (imp == null || imp.status != SignatureImport.Status.RUNNING) {
            return 0; // cancelled or already done
        }
        Evaluation evaluation = evaluate(imp, mappingOf(imp.mapping));
        Letter letter = Letter.findById(imp.letterId);
        Instant now = Instant.now();
        int done = 0;
        int inserted = 0;
        for (Candidate c : evaluation.valid()) {
            // No confirmation link is ever sent for an imported entry: the token only fills the column.
            Signature s = Signature.imported("import", letter, c.input(), tokens.issue().hash(), now);
            s.recordSignals(null, null, disposable.isDisposable(org.undersigned.infra.EmailAddresses.domain(s.email())));
            if (inserts.insertIfNew(s).isPresent()) {
                inserted++;
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress(importId, done);
            }
        }
        imp.status = SignatureImport.Status.DONE;
        imp.rowsDone = done;
        imp.content = null; // it holds contact details that now live in the signatures
        imp.message = inserted == done ? null
                : (done - inserted) + " row(s) were skipped because the same people signed while the import ran.";
        imp.updatedAt = Instant.now();
        audit.record(actor, "signatures.imported", AuditLog.Subject.letter(letter.id), null,
                AuditLog.values("import", importId, "rows", inserted));
        Log.infof("Import %d finished: %d signatures added to the queue", importId, inserted);
        return inserted;
    }

    /** The import's job was given up: nothing was added, and the admin can check and retry. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markFailed(long importId) {
        SignatureImport imp = SignatureImport.findById(importId);
        if (imp != null && imp.status == SignatureImport.Status.RUNNING) {
            Log.warnf("Import %d failed and was rolled back", importId);
            imp.status = SignatureImport.Status.FAILED;
            imp.rowsDone = 0;
            imp.message = "The import failed and nothing was added. You can check the file again and retry.";
            imp.updatedAt = Instant.now();
        }
    }

    private void progress(long importId, int done) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update signature_import set rows_done = ?1, updated_at = now() where id = ?2")
                .setParameter(1, done).setParameter(2, importId).executeUpdate());
    }

    // ----- evaluation --------------------------------------------------------------------------

    record Evaluation(Report report, List<Candidate> valid) {
    }

    Evaluation evaluate(SignatureImport imp, Map<ImportField, Integer> mapping) {
        if (!mapping.containsKey(ImportField.EMAIL)) {
            throw new InvalidInputException(FormErrors.none().add("EMAIL", "Choose the column that holds email addresses."));
        }
        if (!mapping.containsKey(ImportField.ORGANIZATION_NAME) && !mapping.containsKey(ImportField.NAME)
                && !mapping.containsKey(ImportField.FIRST_NAME)) {
            throw new InvalidInputException(FormErrors.none().add("ORGANIZATION_NAME",
                    "Choose the column with organization names, or the one with people's names."));
        }
        Letter letter = Letter.findById(imp.letterId);
        Parsed parsed = parse(imp.content);
        List<Problem> problems = new ArrayList<>();
        List<Candidate> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < parsed.rows().size(); i++) {
            int rowNumber = i + 2;
            SignOnInput input = toInput(parsed.rows().get(i), mapping);
            FormErrors errors = validation.checkImported(input, letter);
            if (!errors.isEmpty()) {
                errors.all().forEach((field, message) -> problems.add(new Problem(rowNumber, field, message)));
                continue;
            }
            String key = dedupeKey(input);
            Integer earlier = seen.putIfAbsent(key, rowNumber);
            if (earlier != null) {
                problems.add(new Problem(rowNumber, "email", "The same signer as row " + earlier + "."));
                continue;
            }
            SignatoryKeys keys = SignatoryKeys.of(input);
            if (Signature.findLive(letter.id, input.signatoryKind().orElseThrow(), keys.emailNormalized(), keys.nameKey())
                    .isPresent()) {
                problems.add(new Problem(rowNumber, "email", "Already on this letter (same email and signer)."));
                continue;
            }
            valid.add(new Candidate(rowNumber, input));
        }
        int similar = countLookalikes(letter.id, valid);
        return new Evaluation(new Report(parsed.rows().size(), valid.size(), similar, problems), valid);
    }

    /** Valid rows that share a name, website domain or mailbox with an entry already on the letter. */
    private int countLookalikes(long letterId, List<Candidate> valid) {
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> existing = em.createNativeQuery(
                        "select name_key, website_domain, email_normalized from signature where letter_id = ?1 and state <> 'WITHDRAWN'",
                        jakarta.persistence.Tuple.class)
                .setParameter(1, letterId).getResultList();
        Set<String> names = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (jakarta.persistence.Tuple r : existing) {
            String nameKey = org.undersigned.infra.Sql.string(r, "name_key");
            if (nameKey != null && !nameKey.isEmpty()) {
                names.add(nameKey);
            }
            if (org.undersigned.infra.Sql.string(r, "website_domain") != null) {
                domains.add(org.undersigned.infra.Sql.string(r, "website_domain"));
            }
            emails.add(org.undersigned.infra.Sql.string(r, "email_normalized"));
        }
        int count = 0;
        for (Candidate c : valid) {
            SignOnInput in = c.input();
            SignatoryKeys keys = SignatoryKeys.of(in);
            String name = in.isIndividual() ? null : keys.nameKey();
            String domain = keys.websiteDomain();
            if ((name != null && names.contains(name)) || (domain != null && domains.contains(domain))
                    || emails.contains(keys.emailNormalized())) {
                count++;
            }
        }
        return count;
    }

    SignOnInput toInput(List<String> row, Map<ImportField, Integer> mapping) {
        String org = value(row, mapping, ImportField.ORGANIZATION_NAME);
        String kindText = value(row, mapping, ImportField.KIND);
        boolean individual = kindText != null
                ? kindText.toLowerCase(Locale.ROOT).matches(".*(individual|person|personal|myself|me).*")
                : org == null;
        String name = value(row, mapping, ImportField.NAME);
        if (name == null) {
            String first = value(row, mapping, ImportField.FIRST_NAME);
            String last = value(row, mapping, ImportField.LAST_NAME);
            name = first == null && last == null ? null : ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        String contactName = value(row, mapping, ImportField.CONTACT_NAME);
        if (contactName == null && !individual) {
            contactName = name;
        }
        return SignOnInput.of(individual ? SignatoryKind.INDIVIDUAL.name() : SignatoryKind.ORGANIZATION.name(),
                org, value(row, mapping, ImportField.WEBSITE), value(row, mapping, ImportField.CITY),
                value(row, mapping, ImportField.REGION), country(value(row, mapping, ImportField.COUNTRY)),
                orgType(value(row, mapping, ImportField.ORG_TYPE)), contactName,
                value(row, mapping, ImportField.CONTACT_TITLE), value(row, mapping, ImportField.EMAIL),
                value(row, mapping, ImportField.PHONE), name, value(row, mapping, ImportField.AFFILIATION), true, false);
    }

    private static String value(List<String> row, Map<ImportField, Integer> mapping, ImportField field) {
        Integer index = mapping.get(field);
        if (index == null || index < 0 || index >= row.size()) {
            return null;
        }
        String v = row.get(index);
        return v == null || v.isBlank() ? null : v;
    }

    /** An ISO code, an English country name, or a common short form ("USA", "UK"). */
    static String country(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT).replace(".", "");
        if (Countries.isKnown(upper)) {
            return upper;
        }
        switch (upper) {
            case "USA", "UNITED STATES OF AMERICA", "AMERICA" -> {
                return "US";
            }
            case "UK", "GREAT BRITAIN", "ENGLAND", "SCOTLAND", "WALES", "NORTHERN IRELAND" -> {
                return "GB";
            }
            default -> {
                return Countries.all().stream().filter(c -> c.name().equalsIgnoreCase(t)).map(Countries.Country::code)
                        .findFirst().orElse(t);
            }
        }
    }

    /** An org type name or label; anything unrecognised counts as OTHER rather than failing the row. */
    static String orgType(String text) {
        if (text == null) {
            return null;
        }
        for (OrgType t : OrgType.values()) {
            if (t.name().equalsIgnoreCase(text.strip()) || t.label.equalsIgnoreCase(text.strip())) {
                return t.name();
            }
        }
        return OrgType.OTHER.name();
    }

    private static String dedupeKey(SignOnInput input) {
        SignatoryKeys keys = SignatoryKeys.of(input);
        return input.kind() + "|" + keys.emailNormalized() + "|" + keys.nameKey();
    }

    // ----- CSV -----------------------------------------------------------------------------------

    /** UTF-8 (with or without byte-order mark); files that are not valid UTF-8 are read as Windows-1252. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Comma, semicolon or tab separated, whichever the header row uses most. */
    static Parsed parse(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = ',';
        long best = firstLine.chars().filter(ch -> ch == ',').count();
        for (char candidate : new char[]{';', '\t'}) {
            long n = firstLine.chars().filter(ch -> ch == candidate).count();
            if (n > best) {
                best = n;
                delimiter = candidate;
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new InvalidInputException(FormErrors.none().add("file", "The file is empty."));
            }
            List<String> headers = records.get(0).toList();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                List<String> row = records.get(i).toList();
                if (row.stream().anyMatch(v -> v != null && !v.isBlank())) {
                    rows.add(row);
                }
            }
            return new Parsed(headers, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(FormErrors.none().add("file",
                    "This does not read as a CSV file (check for an unclosed quotation mark)."));
        }
    }

    /** The mapping suggested by the headers: each field takes the first column whose header fits it. */
    public static Map<ImportField, Integer> guess(List<String> headers) {
        Map<ImportField, Integer> mapping = new EnumMap<>(ImportField.class);
        Set<Integer> used = new HashSet<>();
        for (ImportField field : ImportField.values()) {
            for (int i = 0; i < headers.size(); i++) {
                if (!used.contains(i) && field.matches(headers.get(i))) {
                    mapping.put(field, i);
                    used.add(i);
                    break;
                }
            }
        }
        return mapping;
    }

    static String mappingText(Map<ImportField, Integer> mapping) {
        StringBuilder out = new StringBuilder();
        mapping.forEach((f, i) -> out.append(out.isEmpty() ? "" : ";").append(f.name()).append('=').append(i));
        return out.toString();
    }

    public static Map<ImportField, Integer> mappingOf(String mapping) {
        Map<ImportField, Integer> out = new EnumMap<>(ImportField.class);
        if (mapping == null || mapping.isBlank()) {
            return out;
        }
        for (String pair : mapping.split(";")) {
            String[] kv = pair.split("=");
            Optional.of(kv).filter(a -> a.length == 2).ifPresent(a -> out.put(ImportField.valueOf(a[0]), Integer.parseInt(a[1])));
        }
        return out;
    }

    private static void requireEditable(SignatureImport imp) {
        if (imp.status == SignatureImport.Status.RUNNING || imp.status == SignatureImport.Status.DONE) {
            throw new RuleException("Already imported", "This file has been imported; upload it again to import more.");
        }
    }
}
