package org.undersigned.signing;

import org.undersigned.infra.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;

/**
 * Who gets a letter's campaign updates: signers who ticked "email me updates", whose entry is
 * confirmed and live (waiting for review or approved: not withdrawn, rejected, a duplicate or
 * invalidated), and whose address has not bounced. The one definition, for the count an editor
 * confirms and for the fan-out that sends.
 */
@ApplicationScoped
public class UpdateRecipients {

    private static final String WHO = """
            letter_id = ?1 and consent_updates and state in ('PENDING_REVIEW', 'APPROVED')
            and email is not null and email_bounced_at is null""";

    /** One recipient, with what the greeting needs. */
    public record Recipient(long signatureId, String email, String greeting, String signingAs,
                            org.undersigned.web.Language language) {
    }

    @Inject
    org.undersigned.web.Languages languages;

    @Inject
    EntityManager em;

    /** Recipients now, among entries up to {@code upToId} (the newest entry when the editor looked). */
    public long count(long letterId, long upToId) {
        return ((Number) em.createNativeQuery("select count(*) from signature where " + WHO + " and id <= ?2")
                .setParameter(1, letterId).setParameter(2, upToId).getSingleResult()).longValue();
    }

    /** The newest entry of a letter: a mailing reaches entries up to it, and none that came later. */
    public long newestEntry(long letterId) {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from signature where letter_id = ?1")
                .setParameter(1, letterId).getSingleResult()).longValue();
    }

    /** The next recipients after {@code afterId}, in entry order, at most {@code limit}. */
    public List<Recipient> after(long letterId, long afterId, long upToId, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select id, email, kind, contact_name, display_name, language from signature
                        where""" + " " + WHO + """
                         and id > ?2 and id <= ?3
                        order by id limit ?4""", Tuple.class)
                .setParameter(1, letterId).setParameter(2, afterId).setParameter(3, upToId).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(r -> {
            boolean organization = SignatoryKind.ORGANIZATION.name().equals(r.get("kind", String.class));
            String name = r.get("display_name", String.class);
            var language = new org.undersigned.web.Language(r.get("language", String.class));
            var msg = languages.msg(language);
            return new Recipient(Sql.longValue(r, "id"), r.get("email", String.class),
                    org.undersigned.web.Bidi.isolate(organization ? r.get("contact_name", String.class) : name),
                    organization ? msg.email_on_behalf(org.undersigned.web.Bidi.isolate(name)) : msg.email_as_individual(),
                    language);
        }).toList();
    }
}
