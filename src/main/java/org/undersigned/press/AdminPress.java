package org.undersigned.press;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestPath;
import org.undersigned.account.CurrentAdmin;
import org.undersigned.account.Role;
import org.undersigned.audit.AuditLog;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterService;
import org.undersigned.web.Dates;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    EntityManager em;

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

    /** Every entry, in every state, with contact details: for organizers only, and recorded. */
    @GET
    @Path("letters/{id}/signatures.csv")
    @Produces("text/csv")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Response contacts(@RestPath long id) {
        Letter letter = LetterService.require(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, state, kind, display_name, affiliation, website, city, region, country, org_type,
                               contact_name, contact_title, email, phone, consent_updates, letter_version, source,
                               created_at, decided_at
                        from signature where letter_id = ?1 order by created_at, id""")
                .setParameter(1, id).getResultList();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CONTACT_COLUMNS.toArray(String[]::new)).build())) {
            for (Object[] r : rows) {
                csv.printRecord(org.undersigned.web.CsvCells.row(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(current.actor(), "signatures.exported-with-contacts", AuditLog.Subject.letter(id), null,
                AuditLog.values("rows", rows.size()));
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + letter.slug + "-contacts-" + dates.today() + ".csv\"")
                .build();
    }
}
