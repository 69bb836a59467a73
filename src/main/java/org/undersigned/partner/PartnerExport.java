package org.undersigned.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.infra.RowCursor;
import org.undersigned.press.StreamedExport;
import org.undersigned.web.Csv;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A partner's contacts: only the confirmed, live signers who came through that partner's link
 * and ticked "share my contact details with <partner>" — nobody else, whatever their other
 * consents. Streamed in keyset batches over the partial index {@code signature_partner_share
 * (partner_id, id)}, through the one CSV writer; every download is audited when it ends.
 */
@ApplicationScoped
public class PartnerExport {

    static final List<String> COLUMNS = List.of("type", "name", "affiliation", "contact_name", "contact_title", "email",
            "phone", "city", "state_region", "country", "signed_at");

    /** One row of the export, in {@link #COLUMNS} order. */
    private record Row(long id, String kind, String name, String affiliation, String contactName, String contactTitle,
                       String email, String phone, String city, String region, String country, OffsetDateTime createdAt) {
    }

    @Inject
    RowCursor cursor;

    @Inject
    AuditLog audit;

    public StreamedExport csv(Actor actor, long letterId, long partnerId) {
        String sql = """
                select id, kind, display_name, affiliation, contact_name, contact_title, email, phone, city, region,
                       country, created_at
                from signature
                where partner_id = ? and consent_share_with_partner
                  and state in ('PENDING_REVIEW', 'APPROVED') and anonymized_at is null %s
                order by id limit""" + " " + RowCursor.BATCH;
        RowCursor.RowMapper<Row> mapper = r -> new Row(r.getLong("id"), r.getString("kind"), r.getString("display_name"),
                r.getString("affiliation"), r.getString("contact_name"), r.getString("contact_title"), r.getString("email"),
                r.getString("phone"), r.getString("city"), r.getString("region"), r.getString("country"),
                r.getObject("created_at", OffsetDateTime.class));
        return new StreamedExport((out, rows) -> {
            boolean complete = false;
            Csv csv = Csv.to(out, COLUMNS);
            try {
                Row last = null;
                List<Row> batch;
                do {
                    batch = last == null ? cursor.list(sql.formatted(""), mapper, partnerId)
                            : cursor.list(sql.formatted("and id > ?"), mapper, partnerId, last.id());
                    rows.addAndGet(batch.size());
                    for (Row r : batch) {
                        csv.row("ORGANIZATION".equals(r.kind()) ? "organization" : "individual", r.name(), r.affiliation(),
                                r.contactName(), r.contactTitle(), r.email(), r.phone(), r.city(), r.region(), r.country(),
                                r.createdAt() == null ? null : r.createdAt().toInstant());
                    }
                    last = batch.isEmpty() ? last : batch.get(batch.size() - 1);
                } while (batch.size() == RowCursor.BATCH);
                csv.flush();
                complete = true;
            } finally {
                boolean finished = complete;
                QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "partner.contacts-exported",
                        AuditLog.Subject.letter(letterId), null, finished
                                ? AuditLog.values("partner", partnerId, "rows", rows.get())
                                : AuditLog.values("partner", partnerId, "rows", rows.get(), "complete", false)));
                csv.close();
            }
        });
    }
}
