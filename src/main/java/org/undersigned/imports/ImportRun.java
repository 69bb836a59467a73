package org.undersigned.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.account.Account;
import org.undersigned.audit.Actor;
import org.undersigned.jobs.JobContext;
import org.undersigned.jobs.JobHandler;

import java.time.Duration;

/**
 * An import as a background job: one chunk, the whole file, all or nothing. If the instance dies
 * midway the chunk rolls back and another instance runs it again; if it keeps failing, the
 * import is marked FAILED (and its upload can be deleted by the retention job).
 */
@ApplicationScoped
public class ImportRun implements JobHandler {

    static final String KIND = "import.run";

    @Inject
    ImportService imports;

    @Override
    public String kind() {
        return KIND;
    }

    /** Up to 50,000 rows inserted one by one, with their checks. */
    @Override
    public Duration chunkTimeout() {
        return Duration.ofMinutes(30);
    }

    /** A broken file fails the same way every time; one more try covers a passing fault. */
    @Override
    public int maxAttempts() {
        return 2;
    }

    @Override
    public Step step(JobContext job) {
        long importId = job.longParam("import");
        int inserted = imports.importRows(importId, actor(job));
        return Step.done(Long.toString(importId), inserted);
    }

    @Override
    public void failed(JobContext job, String error) {
        imports.markFailed(job.longParam("import"));
    }

    private static Actor actor(JobContext job) {
        if (job.createdBy() == null) {
            return Actor.SYSTEM;
        }
        Account account = Account.findById(job.createdBy());
        return account == null ? Actor.SYSTEM : Actor.account(account.id, account.email);
    }
}
