package org.undersigned.press;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.infra.RowCursor;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.web.Csv;
import org.undersigned.web.Dates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Admins' downloads: a fresh PDF preview (drafts too) and the full list with contact details. */
@Path("/admin")
public class AdminPress {

    static final List<String> CONTACT_COLUMNS = List.of("id", "state", "type", "name", "affiliation", "website",
            "city", "state_region", "country", "organization_type", "contact_name", "contact_title", "email", "phone",
            "updates_consent", "text_version", "source", "signed_at", "decided_at");

    @Inject
    LetterPdfs pdfs;

    @Inject
    CurrentAdmin current;

    @Inject
    AuditLog audit;

    @Inject
    RowCursor cursor;

    @Inject
    Dates dates;

    @GET
    @Path("letters/{id}/letter.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Role.ADMIN_NAME, Role.EDITOR_NAME, Role.VETTER_NAME})
    public Response preview(@RestPath long id) {
        Letter letter = LetterService.require(id);
        return Response.ok(pdfs.preview(letter), "application/pdf")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"" + letter.slug + "-preview.pdf\"")
                .build();
    }

    /**
     * Every entry, in every state, with contact details: for organizers only, and recorded. Streamed
     * from a cursor in the queue's order (index {@code signature_letter_created}), so a million rows
     * take constant memory; the audit entry, with the number of rows written, is recorded when the
     * download ends (or breaks off).
     */
    @GET
    @Path("letters/{id}/signatures.csv")
    @Produces("text/csv")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response contacts(@RestPath long id) {
        Letter letter = LetterService.require(id);
        Actor actor = current.actor();
        return Response.ok(contactsCsv(actor, id), "text/csv; charset=UTF-8")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + letter.slug + "-contacts-" + dates.today() + ".csv\"")
                .build();
    }

    /** One row of the contact export, in {@link #CONTACT_COLUMNS} order. */
    private record ContactRow(long id, String state, String kind, String name, String affiliation, String website,
                              String city, String region, String country, String orgType, String contactName,
                              String contactTitle, String email, String phone, boolean consentUpdates, int textVersion,
                              String source, OffsetDateTime createdAt, OffsetDateTime decidedAt) {
    }

    /**
     * The contact export as a streamed body (see {@link #contacts}): keyset batches of
     * {@link RowCursor#BATCH} in (created_at, id) order, the next read while one is written.
     */
    public StreamedExport contactsCsv(Actor actor, long letterId) {
        String sql = """
                select id, state, kind, display_name, affiliation, website, city, region, country, org_type,
                       contact_name, contact_title, email, phone, consent_updates, letter_version, source,
                       created_at, decided_at
                from signature where letter_id = ? %s order by created_at, id""" + " limit " + RowCursor.BATCH;
        RowCursor.RowMapper<ContactRow> mapper = row -> new ContactRow(row.getLong("id"), row.getString("state"),
                row.getString("kind"), row.getString("display_name"), row.getString("affiliation"), row.getString("website"),
                row.getString("city"), row.getString("region"), row.getString("country"), row.getString("org_type"),
                row.getString("contact_name"), row.getString("contact_title"), row.getString("email"),
                row.getString("phone"), row.getBoolean("consent_updates"), row.getInt("letter_version"),
                row.getString("source"), row.getObject("created_at", OffsetDateTime.class),
                row.getObject("decided_at", OffsetDateTime.class));
        return new StreamedExport((out, rows) -> {
            boolean complete = false;
            Csv csv = Csv.to(out, CONTACT_COLUMNS);
            try {
                cursor.<ContactRow>walk(last -> last == null ? cursor.list(sql.formatted(""), mapper, letterId)
                        : cursor.list(sql.formatted("and (created_at, id) > (?, ?)"), mapper, letterId,
                        last.createdAt(), last.id()), batch -> {
                    rows.addAndGet(batch.size());
                    for (ContactRow r : batch) {
                        csv.row(r.id(), r.state(), r.kind(), r.name(), r.affiliation(), r.website(), r.city(), r.region(),
                                r.country(), r.orgType(), r.contactName(), r.contactTitle(), r.email(), r.phone(),
                                r.consentUpdates(), r.textVersion(), r.source(), instant(r.createdAt()), instant(r.decidedAt()));
                    }
                });
                csv.flush();
                complete = true;
            } finally {
                // Recorded before the response ends, so whoever has the file finds it in the trail.
                boolean finished = complete;
                QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "signatures.exported-with-contacts",
                        AuditLog.Subject.letter(letterId), null,
                        finished ? AuditLog.values("rows", rows.get()) : AuditLog.values("rows", rows.get(), "complete", false)));
                csv.close();
            }
        });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
