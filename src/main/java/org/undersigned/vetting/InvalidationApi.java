package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

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
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Bulk invalidation as JSON: preview with {@code dryRun}, invalidate, list, reverse. */
@Path("/api/admin/letters/{id}/invalidations")
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: vetting")
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class InvalidationApi {

    /** Times are ISO-8601 instants, e.g. 2026-05-12T14:30:00Z. */
    public record InvalidationRequest(String clientRange, String emailDomain, Instant from, Instant to, String reason,
                                      Boolean dryRun) {
    }

    public record PreviewResult(long matching, Map<String, Long> byState) {
    }

    public record InvalidationView(long id, String clientRange, String emailDomain, Instant from, Instant to,
                                   String reason, int count, Instant createdAt, Instant reversedAt) {
        static InvalidationView of(SignatureInvalidation i) {
            return new InvalidationView(i.id, i.clientRange, i.emailDomain, i.fromTime, i.toTime, i.reason,
                    i.signatureCount, i.createdAt, i.reversedAt);
        }
    }

    public record ReversalResult(long invalidation, int restored) {
    }

    @Inject
    Invalidations invalidations;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @GET
    @Operation(summary = "The letter's bulk invalidations, newest first")
    public List<InvalidationView> list(@RestPath long id) {
        return SignatureInvalidation.forLetter(id).stream().map(InvalidationView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invalidate every live entry matching the criteria (or, with dryRun, count them)")
    public Response invalidate(@RestPath long id, InvalidationRequest request) {
        if (request == null) {
            throw new InvalidInputException(FormErrors.none().add("body", admin().api_invalidation_body()));
        }
        Invalidations.Criteria criteria = new Invalidations.Criteria(request.clientRange(), request.emailDomain(),
                request.from(), request.to());
        if (Boolean.TRUE.equals(request.dryRun())) {
            Map<String, Long> byState = invalidations.preview(current.get(), id, criteria);
            return Response.ok(new PreviewResult(byState.values().stream().mapToLong(Long::longValue).sum(), byState)).build();
        }
        SignatureInvalidation inv = invalidations.invalidate(current.get(), id, criteria, request.reason());
        return Response.status(201).entity(InvalidationView.of(inv)).build();
    }

    @POST
    @Path("{invalidationId}/reversal")
    @Operation(summary = "Restore every entry still invalidated by this invalidation to the state it had")
    public ReversalResult reverse(@RestPath long id, @RestPath long invalidationId) {
        return new ReversalResult(invalidationId, invalidations.reverse(current.get(), id, invalidationId));
    }
}
