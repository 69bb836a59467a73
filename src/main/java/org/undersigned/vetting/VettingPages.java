package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.audit.AuditLog;
import org.undersigned.jobs.Jobs;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.letter.SignatureFacts;
import org.undersigned.signing.Signature;
import org.undersigned.web.ConflictException;
import org.undersigned.web.Countries;
import org.undersigned.web.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The vetting queue and the per-entry view, for the browser. Usable without JavaScript. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class VettingPages {

    public record LetterRef(long id, String slug, String title, String state, int version) {
    }

    @CheckedTemplate(basePath = "vetting")
    static class Templates {
        static native TemplateInstance queue(AdminView admin, LetterRef letter, Map<String, Long> counts,
                                             QueueFilter filter, VettingQueue.Page page, List<Option> countries,
                                             Notice notice, List<Jobs.JobView> jobs);

        static native TemplateInstance signature(AdminView admin, LetterRef letter, VettingQueue.Row row,
                                                 List<AuditLog.Entry> history, String returnTo, Notice notice);
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
    AuditLog audit;

    @Inject
    BulkApproval bulkApproval;

    @Inject
    Jobs jobs;

    @GET
    @Path("letters/{id}/queue")
    public Response queuePage(@RestPath long id, @RestQuery String state, @RestQuery String kind,
                              @RestQuery String country, @RestQuery Integer version, @RestQuery String flag,
                              @RestQuery String q, @RestQuery Long duplicatesOf, @RestQuery String after,
                              @RestQuery String before, @RestQuery String done, @RestQuery Integer n,
                              @RestQuery String conflicts) {
        QueueFilter filter = QueueFilter.of(state, kind, country, version, flag, q, duplicatesOf, after, before);
        Notice notice = null;
        if (done != null) {
            String what = switch (done) {
                case "approved" -> admin().notice_vetting_approved(n == null ? 1 : n);
                case "rejected" -> admin().notice_vetting_rejected();
                case "duplicate" -> admin().notice_vetting_duplicate();
                case "reopened" -> admin().notice_vetting_reopened();
                case "bulk" -> n == null ? admin().notice_vetting_bulk_started() : admin().notice_vetting_bulk_started_count(n);
                default -> admin().notice_done();
            };
            if (conflicts != null && !conflicts.isBlank()) {
                what = admin().notice_vetting_with_conflicts(what, "#" + conflicts.replace(",", ", #"));
            }
            notice = conflicts == null || conflicts.isBlank() ? Notice.success(what) : Notice.warning(what);
        }
        return Response.ok(render(id, filter, notice).render()).build();
    }

    @GET
    @Path("signatures/{sid}")
    public TemplateInstance signaturePage(@RestPath long sid, @RestQuery("return") String returnTo) {
        return signatureView(sid, returnTo, null);
    }

    @POST
    @Path("signatures/{sid}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath long sid, @RestForm long version, @RestForm("return") String returnTo) {
        return decide(sid, returnTo, "approved", () -> vetting.approve(current.get(), sid, version));
    }

    @POST
    @Path("signatures/{sid}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath long sid, @RestForm long version, @RestForm String reason,
                           @RestForm String notify, @RestForm("return") String returnTo) {
        return decide(sid, returnTo, "rejected", () -> vetting.reject(current.get(), sid, version, reason, "yes".equals(notify)));
    }

    @POST
    @Path("signatures/{sid}/duplicate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response duplicate(@RestPath long sid, @RestForm long version, @RestForm Long original,
                              @RestForm("return") String returnTo) {
        return decide(sid, returnTo, "duplicate",
                () -> vetting.markDuplicate(current.get(), sid, version, original == null ? -1 : original));
    }

    @POST
    @Path("signatures/{sid}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@RestPath long sid, @RestForm long version, @RestForm("return") String returnTo) {
        return decide(sid, returnTo, "reopened", () -> vetting.reopen(current.get(), sid, version));
    }

    @POST
    @Path("letters/{id}/queue/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approveSelected(@RestPath long id, @RestForm("selected") List<String> selected,
                                    @RestForm("return") String returnTo) {
        List<VettingService.Selection> selections = new ArrayList<>();
        for (String s : selected == null ? List.<String>of() : selected) {
            String[] parts = s.split(":");
            if (parts.length == 2 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d{1,18}")) {
                selections.add(new VettingService.Selection(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        }
        VettingService.BulkResult result = vetting.approveAll(current.get(), id, selections);
        String conflicts = String.join(",", result.conflicts().stream().map(String::valueOf).toList());
        return Response.seeOther(URI.create(queueUrl(id, returnTo) + sep(returnTo) + "done=approved&n=" + result.approved()
                + (conflicts.isEmpty() ? "" : "&conflicts=" + conflicts))).build();
    }

    /** Approves every waiting entry matching the filter, as a background job with progress. */
    @POST
    @Path("letters/{id}/queue/approve-matching")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approveMatching(@RestPath long id, @RestForm String kind, @RestForm String country,
                                    @RestForm Integer version, @RestForm String flag, @RestForm String q) {
        LetterService.require(id);
        QueueFilter filter = QueueFilter.of("PENDING_REVIEW", kind, country, version, flag, q);
        long job = bulkApproval.start(current.get(), id, filter);
        long total = jobs.view(job).total() == null ? 0 : jobs.view(job).total();
        return Response.seeOther(URI.create("/admin/letters/" + id + "/queue" + filter.query() + "&done=bulk&n=" + total)).build();
    }

    private Response decide(long sid, String returnTo, String done, Runnable decision) {
        Signature s = Signature.<Signature>findByIdOptional(sid).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        long letterId = s.letter().id;
        try {
            decision.run();
        } catch (ConflictException e) {
            String html = signatureView(sid, returnTo, Notice.error(e.detail()).withHeading(Notice.msg().notice_entry_changed())).render();
            return FormPage.html(409, html);
        }
        return Response.seeOther(URI.create(queueUrl(letterId, returnTo) + sep(returnTo) + "done=" + done)).build();
    }

    private TemplateInstance render(long letterId, QueueFilter filter, Notice notice) {
        Letter letter = LetterService.require(letterId);
        return Templates.queue(current.view(), ref(letter), facts.countsByState(letterId), filter,
                queue.page(letterId, filter), Countries.options(), notice, jobs.forLetter(letterId, "vetting.", 5));
    }

    private TemplateInstance signatureView(long sid, String returnTo, Notice notice) {
        Signature s = Signature.<Signature>findByIdOptional(sid).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Letter letter = s.letter();
        return Templates.signature(current.view(), ref(letter), queue.row(letter.id, sid), audit.forSignature(sid),
                safeReturn(returnTo), notice);
    }

    static LetterRef ref(Letter l) {
        return new LetterRef(l.id, l.slug, l.title, l.state().name(), l.currentVersion() == null ? 0 : l.currentVersion());
    }

    /** The queue with the vetter's filters, never anywhere else. */
    private static String queueUrl(long letterId, String returnTo) {
        return "/admin/letters/" + letterId + "/queue" + safeReturn(returnTo);
    }

    private static String safeReturn(String returnTo) {
        return returnTo != null && returnTo.startsWith("?") && !returnTo.contains("\n") && !returnTo.contains("\r")
                ? returnTo.replaceAll("(^|&)(done|n|conflicts)=[^&]*", "") : "";
    }

    private static String sep(String returnTo) {
        return safeReturn(returnTo).isEmpty() ? "?" : "&";
    }
}
