package org.undersigned.vetting;

import static org.undersigned.web.AdminText.admin;

import org.undersigned.web.Notice;
import org.undersigned.web.FormPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import org.undersigned.abuse.AbuseAlerts;
import org.undersigned.account.AdminView;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.LetterAccess;
import org.undersigned.account.Role;
import org.undersigned.letter.Letter;
import org.undersigned.web.Dates;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;
import org.undersigned.web.SiteConfig;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Bulk invalidation for the browser: criteria → preview of what matches → confirm; the list of
 * past invalidations with "reverse"; and the letter's abuse alerts, each one click from a
 * pre-filled form.
 */
@Path("/admin/letters/{id}/invalidations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.VETTER_NAME})
@org.undersigned.account.LetterWrites(org.undersigned.account.LetterAccess.Capability.VET)
public class InvalidationPages {

    /** The form as typed, so it can be shown again. */
    @TemplateData
    public record CriteriaForm(String clientRange, String emailDomain, String from, String to, String reason) {
    }

    @TemplateData
    public record Past(long id, String criteria, String reason, int count, String createdAt, boolean reversed,
                       String reversedAt) {
    }

    @TemplateData
    public record Preview(Map<String, Long> byState, long total) {
    }

    @CheckedTemplate(basePath = "vetting")
    static class Templates {
        static native TemplateInstance invalidations(AdminView admin, VettingPages.LetterRef letter, CriteriaForm form,
                                                     FormErrors errors, Preview preview, List<Past> past,
                                                     List<AbuseAlerts.Alert> alerts, Notice notice, long addressDays,
                                                     List<org.undersigned.jobs.Jobs.JobView> jobs);
    }

    @Inject
    org.undersigned.privacy.RetentionConfig retention;

    @Inject
    org.undersigned.jobs.Jobs jobs;

    @Inject
    Invalidations invalidations;

    @Inject
    AbuseAlerts alerts;

    @Inject
    CurrentAdmin current;

    @Inject
    LetterAccess access;

    @Inject
    Dates dates;

    @Inject
    SiteConfig site;

    @GET
    public TemplateInstance page(@RestPath long id, @RestQuery String clientRange, @RestQuery String emailDomain,
                                 @RestQuery String done, @RestQuery Integer n) {
        int count = n == null ? 0 : n;
        String text = done == null ? null : switch (done) {
            case "invalidated" -> admin().notice_invalidated(count, count > Invalidations.CHUNK, Invalidations.CHUNK);
            case "reversed" -> admin().notice_invalidation_reversed(count, count >= Invalidations.CHUNK);
            default -> null;
        };
        return view(id, new CriteriaForm(clientRange, emailDomain, null, null, null), FormErrors.none(), null,
                text == null ? null : Notice.success(text));
    }

    /** "Preview" shows what would change; "Invalidate" (with the same criteria) does it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@RestPath long id, @RestForm String clientRange, @RestForm String emailDomain,
                           @RestForm String from, @RestForm String to, @RestForm String reason, @RestForm String action) {
        CriteriaForm form = new CriteriaForm(clientRange, emailDomain, from, to, reason);
        try {
            Invalidations.Criteria criteria = criteria(form);
            if (!"invalidate".equals(action)) {
                Map<String, Long> byState = invalidations.preview(current.get(), id, criteria);
                long total = byState.values().stream().mapToLong(Long::longValue).sum();
                return html(200, view(id, form, FormErrors.none(), new Preview(byState, total), null));
            }
            SignatureInvalidation inv = invalidations.invalidate(current.get(), id, criteria, reason);
            return Response.seeOther(URI.create("/admin/letters/" + id + "/invalidations?done=invalidated&n="
                    + inv.signatureCount)).build();
        } catch (InvalidInputException e) {
            return html(400, view(id, form, e.errors(), null, null));
        }
    }

    @POST
    @Path("{invalidationId}/reverse")
    public Response reverse(@RestPath long id, @RestPath long invalidationId) {
        int n = invalidations.reverse(current.get(), id, invalidationId);
        return Response.seeOther(URI.create("/admin/letters/" + id + "/invalidations?done=reversed&n=" + n)).build();
    }

    private Invalidations.Criteria criteria(CriteriaForm form) {
        FormErrors errors = FormErrors.none();
        Instant from = instant(form.from(), "from", errors);
        Instant to = instant(form.to(), "to", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Invalidations.Criteria(form.clientRange(), form.emailDomain(), from, to);
    }

    private Instant instant(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(site.timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, admin().vetting_date_time_invalid());
            return null;
        }
    }

    private TemplateInstance view(long id, CriteriaForm form, FormErrors errors, Preview preview, Notice notice) {
        Letter letter = Letter.<Letter>findByIdOptional(id).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        List<Past> past = SignatureInvalidation.forLetter(id).stream().map(i -> new Past(i.id, describe(i), i.reason,
                i.signatureCount, dates.dateTime(i.createdAt), i.reversed(),
                i.reversedAt == null ? null : dates.dateTime(i.reversedAt))).toList();
        return Templates.invalidations(current.view(), VettingPages.ref(letter), form, errors, preview, past,
                alerts.recent(id, 20), notice, retention.clientAddresses().toDays(), jobs.forLetter(id, "vetting.invalidat", 5));
    }

    private String describe(SignatureInvalidation i) {
        StringBuilder s = new StringBuilder();
        if (i.clientRange != null) {
            s.append(admin().invalidation_from_range(i.clientRange));
        }
        if (i.emailDomain != null) {
            s.append(s.isEmpty() ? "" : ", ").append(admin().invalidation_email_domain(i.emailDomain));
        }
        if (i.fromTime != null || i.toTime != null) {
            s.append(s.isEmpty() ? "" : ", ").append(admin().invalidation_window(
                    i.fromTime == null ? null : dates.dateTime(i.fromTime), i.toTime == null ? null : dates.dateTime(i.toTime)));
        }
        return s.toString().strip();
    }

    private static Response html(int status, TemplateInstance page) {
        return FormPage.html(status, page);
    }
}
