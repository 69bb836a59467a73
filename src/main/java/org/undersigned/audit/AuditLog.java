package org.undersigned.audit;

import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit trail: every admin action and every change of a signature's state, with who, what,
 * when and the values before and after. Written in the transaction of the change it records;
 * the table itself refuses updates and deletes (see V2 migration).
 */
@ApplicationScoped
public class AuditLog {

    /** One recorded event, as admins read it. */
    public record Entry(long id, Instant at, String actor, String action, Long letterId, Long signatureId,
                        Long accountId, String before, String after) {
    }

    /** What an event is about. */
    public record Subject(Long letterId, Long signatureId, Long accountId) {
        public static Subject letter(long id) {
            return new Subject(id, null, null);
        }

        public static Subject signature(long letterId, long signatureId) {
            return new Subject(letterId, signatureId, null);
        }

        public static Subject account(long id) {
            return new Subject(null, null, id);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Builds a before/after map, keeping insertion order and nulls. */
    public static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], v instanceof Enum<?> e ? e.name() : v instanceof Instant t ? t.toString() : v);
        }
        return map;
    }

    /** Records an event; only the fields that differ are kept when both sides are given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, Subject subject, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> b = before;
        Map<String, Object> a = after;
        if (before != null && after != null) {
            b = new LinkedHashMap<>();
            a = new LinkedHashMap<>();
            for (String key : after.keySet()) {
                if (!Objects.equals(before.get(key), after.get(key))) {
                    b.put(key, before.get(key));
                    a.put(key, after.get(key));
                }
            }
        }
        em.createNativeQuery("""
                        insert into audit_event (occurred_at, actor_account_id, actor, action, letter_id, signature_id,
                                                 account_id, before, after)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb))""")
                .setParameter(1, OffsetDateTime.now())
                .setParameter(2, actor.accountId())
                .setParameter(3, actor.label())
                .setParameter(4, action)
                .setParameter(5, subject.letterId())
                .setParameter(6, subject.signatureId())
                .setParameter(7, subject.accountId())
                .setParameter(8, toJson(b))
                .setParameter(9, toJson(a))
                .executeUpdate();
    }

    public List<Entry> forLetter(long letterId, int limit, long beforeId) {
        return read("letter_id = ?1 and id < ?2", letterId, beforeId, limit);
    }

    public List<Entry> forSignature(long signatureId) {
        return read("signature_id = ?1 and id < ?2", signatureId, Long.MAX_VALUE, 1000);
    }

    public List<Entry> forAccount(long accountId) {
        return read("account_id = ?1 and id < ?2", accountId, Long.MAX_VALUE, 1000);
    }

    @SuppressWarnings("unchecked")
    private List<Entry> read(String where, long id, long beforeId, int limit) {
        List<Tuple> rows = em.createNativeQuery("select id, occurred_at, actor, action, letter_id, signature_id,"
                        + " account_id, cast(before as text) as before, cast(after as text) as after from audit_event where "
                        + where + " order by id desc limit ?3", Tuple.class)
                .setParameter(1, id)
                .setParameter(2, beforeId)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Entry(Sql.longValue(r, "id"), Sql.instant(r, "occurred_at"), Sql.string(r, "actor"),
                Sql.string(r, "action"), Sql.nullableLong(r, "letter_id"), Sql.nullableLong(r, "signature_id"),
                Sql.nullableLong(r, "account_id"), Sql.string(r, "before"), Sql.string(r, "after"))).toList();
    }

    private String toJson(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit values must be plain data", e);
        }
    }

}
