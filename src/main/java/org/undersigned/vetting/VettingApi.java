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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.audit.AuditLog;
import org.undersigned.signing.Signature;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.util.List;

/** Vetting decisions on single entries as JSON, with the same rules as the pages. */
@Path("/api/admin/signatures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@Tag(name = "Admin: vetting")
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class VettingApi {

    public record Entry(VettingQueue.Row entry, List<AuditLog.Entry> history) {
    }

    public record Decision(long id, String state, long version) {
        static Decision of(Signature s) {
            return new Decision(s.id(), s.state().name(), s.version());
        }
    }

    public record VersionOnly(Long version) {
    }

    public record Rejection(Long version, String reason, Boolean notifySigner) {
    }

    public record DuplicateOf(Long version, Long original) {
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
    AuditLog audit;

    @GET
    @Path("{sid}")
    public Entry entry(@RestPath long sid) {
        Signature s = Signature.<Signature>findByIdOptional(sid).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        return new Entry(queue.row(s.letter().id, sid), audit.forSignature(sid));
    }

    @POST
    @Path("{sid}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decision approve(@RestPath long sid, VersionOnly body) {
        return Decision.of(vetting.approve(current.get(), sid, version(body == null ? null : body.version())));
    }

    @POST
    @Path("{sid}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decision reject(@RestPath long sid, Rejection body) {
        return Decision.of(vetting.reject(current.get(), sid, version(body == null ? null : body.version()),
                body.reason(), Boolean.TRUE.equals(body.notifySigner())));
    }

    @POST
    @Path("{sid}/duplicate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decision duplicate(@RestPath long sid, DuplicateOf body) {
        if (body == null || body.original() == null) {
            throw new InvalidInputException(FormErrors.none().add("original", admin().api_duplicate_original_required()));
        }
        return Decision.of(vetting.markDuplicate(current.get(), sid, version(body.version()), body.original()));
    }

    @POST
    @Path("{sid}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public Decision reopen(@RestPath long sid, VersionOnly body) {
        return Decision.of(vetting.reopen(current.get(), sid, version(body == null ? null : body.version())));
    }

    static long version(Long version) {
        if (version == null) {
            throw new InvalidInputException(FormErrors.none().add("version",
                    admin().api_entry_version_required()));
        }
        return version;
    }
}
