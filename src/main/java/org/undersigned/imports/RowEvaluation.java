package org.undersigned.imports;

import static org.undersigned.web.AdminText.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import org.undersigned.letter.Letter;
import org.undersigned.signing.SignOnInput;
import org.undersigned.signing.SignOnValidation;
import org.undersigned.signing.SignatoryKeys;
import org.undersigned.web.FormErrors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every row of a file against a letter, writing nothing: each row is validated like a
 * sign-on, a signer repeated within the file is reported once, and the rows are compared with
 * the letter's entries in one set-based query (already signed, or only alike).
 */
@ApplicationScoped
class RowEvaluation {

    /** A row turned into a sign-on, with where it came from. */
    record Candidate(int row, SignOnInput input) {
    }

    record Evaluation(ImportReport report, List<Candidate> valid) {
    }

    /** A valid row as the comparison query sees it. */
    private record Keys(int row, String kind, String email, String nameKey, String websiteDomain) {
    }

    /**
     * For each row: is the same signer (kind, email, organization) already live on the letter, and
     * does it share a name, website or mailbox with any live entry? Each probe uses an index.
     */
    private static final String COMPARE = """
            select c.row_number,
                   exists (select 1 from signature s where s.letter_id = :letter and s.state <> 'WITHDRAWN'
                           and s.kind = c.kind and s.email_normalized = c.email and s.name_key = c.name_key) as already_signed,
                   (c.name_key <> '' and exists (select 1 from signature s where s.letter_id = :letter
                           and s.state <> 'WITHDRAWN' and s.name_key = c.name_key))
                   or (c.website_domain is not null and exists (select 1 from signature s where s.letter_id = :letter
                           and s.state <> 'WITHDRAWN' and s.website_domain = c.website_domain))
                   or exists (select 1 from signature s where s.letter_id = :letter and s.state <> 'WITHDRAWN'
                           and s.email_normalized = c.email) as looks_alike
            from unnest(cast(:rows as integer[]), cast(:kinds as text[]), cast(:emails as text[]),
                        cast(:names as text[]), cast(:domains as text[]))
                 as c(row_number, kind, email, name_key, website_domain)""";

    @Inject
    EntityManager em;

    @Inject
    SignOnValidation validation;

    Evaluation evaluate(Letter letter, CsvFile file, ColumnMapping mapping) {
        mapping.requireUsable();
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<Candidate> unique = new ArrayList<>();
        List<Keys> keys = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < file.rows().size(); i++) {
            int rowNumber = i + 2;
            SignOnInput input = ImportedRow.toInput(file.rows().get(i), mapping);
            FormErrors errors = validation.checkImported(input, letter);
            if (!errors.isEmpty()) {
                errors.all().forEach((field, message) -> problems.add(new ImportReport.Problem(rowNumber, field, message)));
                continue;
            }
            SignatoryKeys k = SignatoryKeys.of(input);
            Integer earlier = seen.putIfAbsent(input.kind() + "|" + k.emailNormalized() + "|" + k.nameKey(), rowNumber);
            if (earlier != null) {
                problems.add(new ImportReport.Problem(rowNumber, "email", admin().imports_same_signer_as_row(earlier)));
                continue;
            }
            unique.add(new Candidate(rowNumber, input));
            keys.add(new Keys(rowNumber, input.signatoryKind().orElseThrow().name(), k.emailNormalized(), k.nameKey(),
                    k.websiteDomain()));
        }
        Map<Integer, Tuple> compared = compare(letter.id, keys);
        List<Candidate> valid = new ArrayList<>();
        int alike = 0;
        for (Candidate c : unique) {
            Tuple t = compared.get(c.row());
            if (Sql.bool(t, "already_signed")) {
                problems.add(new ImportReport.Problem(c.row(), "email", admin().imports_already_on_letter()));
                continue;
            }
            valid.add(c);
            if (Sql.bool(t, "looks_alike")) {
                alike++;
            }
        }
        // Row order, as the file reads; a row's own problems keep their order (the sort is stable).
        problems.sort(Comparator.comparingInt(ImportReport.Problem::row));
        return new Evaluation(new ImportReport(file.rows().size(), valid.size(), alike, problems), valid);
    }

    @SuppressWarnings("unchecked")
    private Map<Integer, Tuple> compare(long letterId, List<Keys> keys) {
        Map<Integer, Tuple> byRow = new HashMap<>();
        if (keys.isEmpty()) {
            return byRow;
        }
        List<Tuple> rows = em.createNativeQuery(COMPARE, Tuple.class)
                .setParameter("letter", letterId)
                .setParameter("rows", keys.stream().map(Keys::row).toArray(Integer[]::new))
                .setParameter("kinds", keys.stream().map(Keys::kind).toArray(String[]::new))
                .setParameter("emails", keys.stream().map(Keys::email).toArray(String[]::new))
                .setParameter("names", keys.stream().map(Keys::nameKey).toArray(String[]::new))
                .setParameter("domains", keys.stream().map(Keys::websiteDomain).toArray(String[]::new))
                .getResultList();
        rows.forEach(r -> byRow.put(Sql.intValue(r, "row_number"), r));
        return byRow;
    }
}
