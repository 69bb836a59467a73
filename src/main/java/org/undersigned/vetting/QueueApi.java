package org.undersigned.vetting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.jobs.Jobs;
import org.undersigned.letter.LetterService;
import org.undersigned.letter.SignatureFacts;

import java.util.List;
import java.util.Map;

/** One letter's review queue as JSON, and approving several entries at once. */
@Path("/api/admin/letters/{id}/signatures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@Tag(name = "Admin: vetting")
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class QueueApi {

    /**
     * One page of the queue. {@code total} is exact up to {@link VettingQueue#COUNT_CAP}; beyond
     * it {@code totalCapped} is true. {@code next}/{@code previous} are cursors for the
     * {@code after}/{@code before} parameters, null at either end.
     */
    public record Queue(Map<String, Long> counts, List<VettingQueue.Row> rows, long total, boolean totalCapped,
                        String next, String previous) {
    }

    public record Bulk(List<VettingService.Selection> selections) {
    }

    /** The filter of "approve every waiting entry matching it" (state is always waiting for review). */
    public record MatchingFilter(String kind, String country, Integer version, String flag, String q) {
    }

    public record BulkJob(long job, Long total) {
    }

    @Inject
    VettingQueue queue;

    @Inject
    VettingService vetting;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @Inject
    SignatureFacts facts;

    @Inject
    BulkApproval bulkApproval;

    @Inject
    Jobs jobs;

    @GET
    @Operation(summary = "The review queue: oldest first; filter by state (default PENDING_REVIEW, or ALL), kind, "
            + "country, text version, flag (possible-duplicate, domain-mismatch, no-website, suspected-bot, "
            + "disposable-email), text, or the possible duplicates of one entry (duplicatesOf); "
            + "paged by keyset: pass a page's next as after, or its previous as before")
    public Queue queue(@RestPath long id, @RestQuery String state, @RestQuery String kind, @RestQuery String country,
                       @RestQuery Integer version, @RestQuery String flag, @RestQuery String q,
                       @RestQuery Long duplicatesOf, @RestQuery String after, @RestQuery String before) {
        LetterService.require(id);
        VettingQueue.Page p = queue.page(id, QueueFilter.of(state, kind, country, version, flag, q, duplicatesOf, after, before));
        return new Queue(facts.countsByState(id), p.rows(), p.total(), p.totalCapped(), p.next(), p.previous());
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve several entries; those decided by someone else meanwhile come back as conflicts")
    public VettingService.BulkResult approveAll(@RestPath long id, Bulk body) {
        LetterService.require(id);
        return vetting.approveAll(current.get(), id, body == null || body.selections() == null ? List.of() : body.selections());
    }

    @POST
    @Path("approve-matching")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve every entry waiting for review that matches the filter, as a background job: "
            + "answers 202 with the job; follow its progress at jobs/{job}")
    public Response approveMatching(@RestPath long id, MatchingFilter body) {
        LetterService.require(id);
        MatchingFilter f = body == null ? new MatchingFilter(null, null, null, null, null) : body;
        long job = bulkApproval.start(current.get(), id, QueueFilter.of("PENDING_REVIEW", f.kind(), f.country(), f.version(),
                f.flag(), f.q()));
        return Response.accepted(new BulkJob(job, jobs.view(job).total())).build();
    }

    @GET
    @Path("jobs/{job}")
    @Operation(summary = "A bulk action's progress (done of total, state)")
    public Jobs.JobView job(@RestPath long id, @RestPath long job) {
        Jobs.JobView view = jobs.view(job);
        if (view.letterId() == null || view.letterId() != id) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return view;
    }
}
