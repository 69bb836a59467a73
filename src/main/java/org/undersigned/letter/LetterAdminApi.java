package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.undersigned.audit.AuditLog;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the admin letter pages do, as JSON with a Bearer token. */
@Path("/api/admin/letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
@Tag(name = "Admin: letters")
public class LetterAdminApi {

    /** A letter's full admin view. Deadlines are ISO instants. */
    public record LetterDto(long id, long version, String slug, String state, String title, String addressees,
                            String bodyMarkdown, String coalitionName, String coalitionContact, Instant signDeadline,
                            boolean organizationsMaySign, boolean individualsMaySign, boolean autoApproveIndividuals,
                            String pdfGrouping, Integer textVersion, Instant textChangedAt, Map<String, Long> counts, long onEarlierVersion) {
    }

    public record LetterInput(String slug, String title, String addressees, String bodyMarkdown, String coalitionName,
                              String coalitionContact, Instant signDeadline, Boolean organizationsMaySign,
                              Boolean individualsMaySign, Boolean autoApproveIndividuals, String pdfGrouping,
                              Long version) {
        LetterForm toForm(SiteConfig site) {
            String deadline = signDeadline == null ? null
                    : java.time.LocalDateTime.ofInstant(signDeadline, site.timeZone()).toString();
            return LetterForm.of(slug, title, addressees, bodyMarkdown, coalitionName, coalitionContact, deadline,
                    !Boolean.FALSE.equals(organizationsMaySign), Boolean.TRUE.equals(individualsMaySign),
                    Boolean.TRUE.equals(autoApproveIndividuals), pdfGrouping);
        }
    }

    public record Reopen(Instant signDeadline) {
    }

    public record Delivery(LocalDate deliveredOn, String deliveredTo, String deliveredHow) {
    }

    public record UpdateInput(LocalDate postedOn, String markdown) {
    }

    public record UpdateDto(long id, LocalDate postedOn, String markdown) {
    }

    public record Stats(Map<String, Long> counts, List<SignatureFacts.DayCount> perDay,
                        List<SignatureFacts.RegionCount> byRegion) {
    }

    public record AccessInput(Set<Long> editors, Set<Long> vetters) {
    }

    @Inject
    LetterService letters;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @Inject
    SignatureFacts facts;

    @Inject
    SiteConfig site;

    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "All letters this account is on, drafts included")
    public List<LetterDto> list() {
        var admin = current.get();
        return Letter.<Letter>list("order by id").stream()
                .filter(l -> access.allows(admin, l.id, LetterAccess.Capability.READ)).map(this::dto).toList();
    }

    @GET
    @Path("{id}")
    public LetterDto get(@RestPath long id) {
        return dto(LetterService.require(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Operation(summary = "Create a draft")
    public Response create(LetterInput input) {
        Letter letter = letters.createDraft(current.actor(), require(input).toForm(site));
        return Response.created(URI.create("/api/admin/letters/" + letter.id)).entity(dto(letter)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    @Operation(summary = "Edit: a draft freely; a published letter's text change freezes a new version")
    public LetterDto edit(@RestPath long id, LetterInput input) {
        edit(id);
        if (require(input).version() == null) {
            throw new InvalidInputException(FormErrors.none().add("version", admin().api_letter_version_required()));
        }
        return dto(letters.edit(current.actor(), id, input.toForm(site), input.version()));
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public LetterDto publish(@RestPath long id) {
        edit(id);
        return dto(letters.publish(current.actor(), id));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public LetterDto close(@RestPath long id) {
        edit(id);
        return dto(letters.close(current.actor(), id));
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public LetterDto reopen(@RestPath long id, Reopen body) {
        edit(id);
        return dto(letters.reopen(current.actor(), id, body == null ? null : body.signDeadline()));
    }

    @POST
    @Path("{id}/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public LetterDto deliver(@RestPath long id, Delivery body) {
        edit(id);
        Delivery d = body == null ? new Delivery(null, null, null) : body;
        return dto(letters.deliver(current.actor(), id, d.deliveredOn(), d.deliveredTo(), d.deliveredHow()));
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public LetterDto archive(@RestPath long id) {
        edit(id);
        return dto(letters.archive(current.actor(), id));
    }

    @GET
    @Path("{id}/updates")
    public List<UpdateDto> updates(@RestPath long id) {
        LetterService.require(id);
        return CampaignUpdate.forLetter(id).stream().map(u -> new UpdateDto(u.id, u.postedOn, u.bodyMarkdown)).toList();
    }

    @POST
    @Path("{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response postUpdate(@RestPath long id, UpdateInput body) {
        edit(id);
        UpdateInput in = body == null ? new UpdateInput(null, null) : body;
        CampaignUpdate u = letters.postUpdate(current.actor(), id, in.postedOn(), in.markdown());
        return Response.status(201).entity(new UpdateDto(u.id, u.postedOn, u.bodyMarkdown)).build();
    }

    @PUT
    @Path("{id}/updates/{updateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public UpdateDto editUpdate(@RestPath long id, @RestPath long updateId, UpdateInput body) {
        edit(requireUpdateOf(id, updateId));
        UpdateInput in = body == null ? new UpdateInput(null, null) : body;
        CampaignUpdate u = letters.editUpdate(current.actor(), updateId, in.postedOn(), in.markdown());
        return new UpdateDto(u.id, u.postedOn, u.bodyMarkdown);
    }

    @DELETE
    @Path("{id}/updates/{updateId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response removeUpdate(@RestPath long id, @RestPath long updateId) {
        edit(requireUpdateOf(id, updateId));
        letters.removeUpdate(current.actor(), updateId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/stats")
    @Operation(summary = "Counts by state, sign-ons per day (30 days), approved signatories by region")
    public Stats stats(@RestPath long id) {
        LetterService.require(id);
        return new Stats(facts.countsByState(id), facts.signOnsPerDay(id, 30), facts.approvedByRegion(id, 50));
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "The letter's audit trail, newest first")
    public List<AuditLog.Entry> audit(@RestPath long id, @RestQuery Long before) {
        LetterService.require(id);
        return audit.forLetter(id, 200, before == null ? Long.MAX_VALUE : before);
    }

    @GET
    @Path("{id}/access")
    @RolesAllowed(Role.ADMIN_NAME)
    public LetterAccess.Members getAccess(@RestPath long id) {
        LetterService.require(id);
        return access.members(id);
    }

    @PUT
    @Path("{id}/access")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Limit editing and vetting of this letter to named accounts (empty: everyone with the role)")
    public LetterAccess.Members setAccess(@RestPath long id, AccessInput body) {
        LetterService.require(id);
        access.setMembers(current.actor(), id, body == null || body.editors() == null ? Set.of() : body.editors(),
                body == null || body.vetters() == null ? Set.of() : body.vetters());
        return access.members(id);
    }

    private void edit(long letterId) {
        LetterService.require(letterId);
    }

    private long requireUpdateOf(long letterId, long updateId) {
        CampaignUpdate u = letters.requireUpdate(updateId);
        if (!u.letter.id.equals(letterId)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return letterId;
    }

    private static LetterInput require(LetterInput input) {
        if (input == null) {
            throw new InvalidInputException(FormErrors.none().add("body", admin().api_letter_body()));
        }
        return input;
    }

    private LetterDto dto(Letter l) {
        return new LetterDto(l.id, l.version, l.slug, l.state().name(), l.title, l.addressees, l.bodyMarkdown,
                l.coalitionName, l.coalitionContact, l.signDeadline, l.organizationsMaySign, l.individualsMaySign,
                l.autoApproveIndividuals, l.pdfGrouping.name(), l.currentVersion(), l.textChangedAt(), facts.countsByState(l.id),
                l.currentVersion() == null ? 0 : facts.liveOnEarlierVersion(l.id, l.currentVersion()));
    }
}
