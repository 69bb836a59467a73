package org.undersigned.letter;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.AdminMsg;
import org.undersigned.web.Msg;
import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import org.undersigned.account.Account;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.audit.AuditLog;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The organizers' side of letters in the browser: the list, writing and editing (with a
 * rendered preview), the lifecycle, campaign updates, per-letter access and the audit trail.
 * Thin: every change is one call to {@link LetterService}.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
public class LetterAdminPages {

    /** The letter editor's form as posted. */
    public static class EditorForm {
        @RestForm public String slug;
        @RestForm public String title;
        @RestForm public String addressees;
        @RestForm public String bodyMarkdown;
        @RestForm public String coalitionName;
        @RestForm public String coalitionContact;
        @RestForm public String deadline;
        @RestForm public String organizationsMaySign;
        @RestForm public String individualsMaySign;
        @RestForm public String autoApproveIndividuals;
        @RestForm public String pdfGrouping;
        @RestForm public String action;
        @RestForm public Long version;

        LetterForm toForm() {
            return LetterForm.of(slug, title, addressees, bodyMarkdown, coalitionName, coalitionContact, deadline,
                    "yes".equals(organizationsMaySign), "yes".equals(individualsMaySign), "yes".equals(autoApproveIndividuals),
                    pdfGrouping);
        }

        boolean preview() {
            return "preview".equals(action);
        }
    }

    public record AccountChoice(long id, String label, boolean editor, boolean vetter, boolean mayEdit, boolean mayVet) {
    }

    @CheckedTemplate(basePath = "letter")
    static class Templates {
        static native TemplateInstance adminHome(AdminView admin, List<LetterAdminViews.Summary> letters);

        static native TemplateInstance editor(AdminView admin, LetterAdminViews.Editor editor);

        static native TemplateInstance overview(AdminView admin, LetterAdminViews.Overview letter, Notice notice);

        static native TemplateInstance updates(AdminView admin, LetterAdminViews.Overview letter,
                                               List<LetterAdminViews.UpdateRow> updates, FormErrors errors,
                                               String today);

        static native TemplateInstance access(AdminView admin, LetterAdminViews.Overview letter,
                                              List<AccountChoice> accounts);

        static native TemplateInstance audit(AdminView admin, LetterAdminViews.Overview letter,
                                             List<AuditLog.Entry> entries, Long next);
    }

    @Inject
    LetterService letters;

    @Inject
    LetterAdminViews views;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @Inject
    SiteConfig site;

    @Inject
    AuditLog auditLog;

    @GET
    public TemplateInstance home() {
        return Templates.adminHome(current.view(), views.summaries(current.get()));
    }

    @GET
    @Path("letters/new")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public TemplateInstance newLetter() {
        return Templates.editor(current.view(), views.editor(null, LetterForm.blank(), FormErrors.none(), false));
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response create(@BeanParam EditorForm posted) {
        LetterForm form = posted.toForm();
        if (posted.preview()) {
            return page(200, Templates.editor(current.view(), views.editor(null, form, FormErrors.none(), true)));
        }
        try {
            Letter letter = letters.createDraft(current.actor(), form);
            return Response.seeOther(URI.create("/admin/letters/" + letter.id + "?notice=created")).build();
        } catch (InvalidInputException e) {
            return page(400, Templates.editor(current.view(), views.editor(null, form, e.errors(), false)));
        }
    }

    @GET
    @Path("letters/{id}")
    public TemplateInstance overview(@RestPath long id, @RestQuery String notice) {
        return Templates.overview(current.view(), views.overview(id, current.get()), overviewNotice(id, notice));
    }

    @GET
    @Path("letters/{id}/edit")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public TemplateInstance edit(@RestPath long id, @RestQuery Integer reconsent) {
        Letter letter = LetterService.require(id);
        LetterAdminViews.Editor editor = views.editor(letter, LetterForm.of(letter, site.timeZone()), FormErrors.none(), false);
        return Templates.editor(current.view(), reconsent == null ? editor : editor.withReconsentSent(reconsent));
    }

    @POST
    @Path("letters/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response save(@RestPath long id, @BeanParam EditorForm posted) {
        Letter letter = LetterService.require(id);
        LetterForm form = posted.toForm();
        if (posted.preview()) {
            return page(200, Templates.editor(current.view(), views.editor(letter, form, FormErrors.none(), true)
                    .withVersion(posted.version)));
        }
        try {
            letters.edit(current.actor(), id, form, posted.version == null ? -1 : posted.version);
            return Response.seeOther(URI.create("/admin/letters/" + id + "?notice=saved")).build();
        } catch (InvalidInputException e) {
            return page(400, Templates.editor(current.view(), views.editor(letter, form, e.errors(), false)
                    .withVersion(posted.version)));
        }
    }

    @POST
    @Path("letters/{id}/publish")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response publish(@RestPath long id) {
        letters.publish(current.actor(), id);
        return back(id, "published");
    }

    @POST
    @Path("letters/{id}/close")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response close(@RestPath long id) {
        letters.close(current.actor(), id);
        return back(id, "closed");
    }

    @POST
    @Path("letters/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response reopen(@RestPath long id, @RestForm String deadline) {
        LetterForm parsed = LetterForm.of(null, null, null, null, null, null, deadline, true, false, false, null);
        if (!parsed.deadlineReadable()) {
            throw new InvalidInputException(FormErrors.none().add("deadline", admin().letter_new_deadline_unreadable()));
        }
        letters.reopen(current.actor(), id, parsed.deadlineInstant(site.timeZone()));
        return back(id, "reopened");
    }

    @POST
    @Path("letters/{id}/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response deliver(@RestPath long id, @RestForm String deliveredOn, @RestForm String deliveredTo,
                            @RestForm String deliveredHow) {
        letters.deliver(current.actor(), id, date(deliveredOn), deliveredTo, deliveredHow);
        return back(id, "delivered");
    }

    @POST
    @Path("letters/{id}/archive")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response archive(@RestPath long id) {
        letters.archive(current.actor(), id);
        return back(id, "archived");
    }

    @GET
    @Path("letters/{id}/updates")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public TemplateInstance updates(@RestPath long id) {
        return updatesPage(id, FormErrors.none());
    }

    @POST
    @Path("letters/{id}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response postUpdate(@RestPath long id, @RestForm String postedOn, @RestForm String markdown) {
        try {
            letters.postUpdate(current.actor(), id, date(postedOn), markdown);
        } catch (InvalidInputException e) {
            return page(400, updatesPage(id, e.errors()));
        }
        return Response.seeOther(URI.create("/admin/letters/" + id + "/updates")).build();
    }

    @POST
    @Path("updates/{updateId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response editUpdate(@RestPath long updateId, @RestForm String postedOn, @RestForm String markdown) {
        long letterId = letters.requireUpdate(updateId).letter.id;
        try {
            letters.editUpdate(current.actor(), updateId, date(postedOn), markdown);
        } catch (InvalidInputException e) {
            return page(400, updatesPage(letterId, e.errors()));
        }
        return Response.seeOther(URI.create("/admin/letters/" + letterId + "/updates")).build();
    }

    @POST
    @Path("updates/{updateId}/delete")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME})
    public Response removeUpdate(@RestPath long updateId) {
        long letterId = letters.requireUpdate(updateId).letter.id;
        letters.removeUpdate(current.actor(), updateId);
        return Response.seeOther(URI.create("/admin/letters/" + letterId + "/updates")).build();
    }

    @GET
    @Path("letters/{id}/access")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance accessPage(@RestPath long id) {
        LetterAccess.Members members = access.members(id);
        List<AccountChoice> choices = Account.<Account>list("active = true order by lower(displayName)").stream()
                .filter(a -> a.role != Role.ADMIN)
                .map(a -> new AccountChoice(a.id, a.displayName + " (" + a.email + ", " + a.role.name().toLowerCase() + ")",
                        members.editors().contains(a.id), members.vetters().contains(a.id),
                        a.role.mayEditLetters(), a.role.mayVet()))
                .toList();
        return Templates.access(current.view(), views.overview(id, current.get()), choices);
    }

    @POST
    @Path("letters/{id}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response saveAccess(@RestPath long id, @RestForm("editor") List<Long> editors, @RestForm("vetter") List<Long> vetters) {
        LetterService.require(id);
        access.setMembers(current.actor(), id, ids(editors), ids(vetters));
        return back(id, "access-saved");
    }

    @GET
    @Path("letters/{id}/audit")
    public TemplateInstance audit(@RestPath long id, @RestQuery Long before) {
        LetterAdminViews.Overview letter = views.overview(id, current.get());
        List<AuditLog.Entry> entries = auditLog.forLetter(id, 200, before == null ? Long.MAX_VALUE : before);
        Long next = entries.size() == 200 ? entries.get(entries.size() - 1).id() : null;
        return Templates.audit(current.view(), letter, entries, next);
    }

    private TemplateInstance updatesPage(long id, FormErrors errors) {
        return Templates.updates(current.view(), views.overview(id, current.get()), views.updates(id), errors,
                LocalDate.now(site.timeZone()).toString());
    }

    private static Set<Long> ids(List<Long> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FormErrors.none().add("date", admin().letter_update_date_unreadable()));
        }
    }

    /** What the last action on the letter did, from the code its redirect carried. */
    private static Notice overviewNotice(long id, String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return switch (code) {
            case "created" -> Notice.success(AdminMsg::notice_letter_created);
            case "saved" -> Notice.success(AdminMsg::notice_letter_saved);
            case "published" -> Notice.success(AdminMsg::notice_letter_published);
            case "closed" -> Notice.success(AdminMsg::notice_letter_closed);
            case "reopened" -> Notice.success(AdminMsg::notice_letter_reopened);
            case "delivered" -> Notice.success(AdminMsg::notice_letter_delivered)
                    .withLink("/admin/letters/" + id + "/mailings", Notice.msg().notice_letter_delivered_link());
            case "archived" -> Notice.success(AdminMsg::notice_letter_archived);
            case "access-saved" -> Notice.success(AdminMsg::notice_letter_access_saved);
            default -> Notice.success(AdminMsg::notice_done);
        };
    }

    private static Response back(long id, String notice) {
        return Response.seeOther(URI.create("/admin/letters/" + id + "?notice=" + notice)).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return FormPage.html(status, page);
    }
}
