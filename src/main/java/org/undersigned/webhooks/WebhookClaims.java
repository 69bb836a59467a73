package org.undersigned.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries' bookkeeping, modelled on the mail outbox: one statement claims a batch
 * ({@code FOR UPDATE SKIP LOCKED}, then its next attempt pushed past the claim period: the
 * lease), one reads what the batch needs, one records each kind of result. Each commits on its
 * own, so no transaction is open while talking to receivers; if an instance dies mid-send, the
 * lease lapses and another instance sends the delivery.
 */
@ApplicationScoped
public class WebhookClaims {

    /**
     * A claimed delivery with what its body and signature need. Signature fields are null for
     * letter events; contact fields are read only for trusted endpoints.
     */
    public record Claimed(long id, String event, Instant occurredAt, String stateAfter, int attempts, String url,
                          String secret, String previousSecret, Instant previousSecretUntil, boolean trusted,
                          long letterId, String letterSlug, String letterTitle, String letterState,
                          Long signatureId, String kind, String displayName, String affiliation, String website,
                          String city, String region, String country, String orgType,
                          String email, String contactName, String contactTitle, String phone) {
    }

    /** What one attempt came to: a 2xx is delivered; anything else (or no answer) is retried. */
    public record Result(long id, boolean delivered, Integer status, String error, Instant at) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    WebhookConfig config;

    public List<Claimed> claimDue(int limit) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update webhook_delivery set next_attempt_at = ?
                    where id in (select id from webhook_delivery
                                 where state = 'QUEUED' and next_attempt_at <= ?
                                 order by next_attempt_at, id
                                 limit ?
                                 for update skip locked)
                    returning id""")) {
                ps.setTimestamp(1, Timestamp.from(now.plus(config.claimFor())));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                    }
                }
            }
            return ids.isEmpty() ? List.of() : read(c, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("claiming webhook deliveries failed", e);
        }
    }

    private List<Claimed> read(Connection c, List<Long> ids) throws SQLException {
        // Contact columns are selected only when the endpoint is trusted: an untrusted delivery
        // never has them in memory, so no later mistake can put them in its body.
        try (PreparedStatement ps = c.prepareStatement("""
                select d.id, d.event, d.occurred_at, d.state_after, d.attempts,
                       e.url, e.secret, e.previous_secret, e.previous_secret_until, e.trusted,
                       l.id as letter_id, l.slug as letter_slug, l.title as letter_title, l.state as letter_state,
                       s.id as signature_id, s.kind, s.display_name, s.affiliation, s.website, s.city, s.region,
                       s.country, s.org_type,
                       case when e.trusted then s.email end as email,
                       case when e.trusted then s.contact_name end as contact_name,
                       case when e.trusted then s.contact_title end as contact_title,
                       case when e.trusted then s.phone end as phone
                from webhook_delivery d
                join webhook_endpoint e on e.id = d.endpoint_id
                join letter l on l.id = d.letter_id
                left join signature s on s.id = d.signature_id
                where d.id = any (?)
                order by d.id""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<Claimed> claimed = new ArrayList<>(ids.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp until = rs.getTimestamp("previous_secret_until");
                    long sid = rs.getLong("signature_id");
                    Long signatureId = rs.wasNull() ? null : sid;
                    claimed.add(new Claimed(rs.getLong("id"), rs.getString("event"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("state_after"), rs.getInt("attempts"),
                            rs.getString("url"), rs.getString("secret"), rs.getString("previous_secret"),
                            until == null ? null : until.toInstant(), rs.getBoolean("trusted"),
                            rs.getLong("letter_id"), rs.getString("letter_slug"), rs.getString("letter_title"),
                            rs.getString("letter_state"), signatureId, rs.getString("kind"), rs.getString("display_name"),
                            rs.getString("affiliation"), rs.getString("website"), rs.getString("city"),
                            rs.getString("region"), rs.getString("country"), rs.getString("org_type"),
                            rs.getString("email"), rs.getString("contact_name"), rs.getString("contact_title"),
                            rs.getString("phone")));
                }
            }
            return claimed;
        }
    }

    /** Records a batch's results in two statements whatever its size. */
    public void record(List<Result> results) {
        List<Result> delivered = results.stream().filter(Result::delivered).toList();
        List<Result> failed = results.stream().filter(r -> !r.delivered()).toList();
        try (Connection c = dataSource.getConnection()) {
            if (!delivered.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update webhook_delivery d set state = 'DELIVERED', delivered_at = v.at, attempts = d.attempts + 1,
                            last_status = v.status, last_error = null
                        from unnest(?::bigint[], ?::int[], ?::timestamptz[]) as v(id, status, at)
                        where d.id = v.id and d.state = 'QUEUED'""")) {
                    ps.setArray(1, c.createArrayOf("bigint", delivered.stream().map(Result::id).toArray()));
                    ps.setArray(2, c.createArrayOf("integer", delivered.stream().map(Result::status).toArray()));
                    ps.setArray(3, c.createArrayOf("timestamptz", delivered.stream().map(r -> Timestamp.from(r.at())).toArray()));
                    ps.executeUpdate();
                }
            }
            if (!failed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update webhook_delivery d set attempts = d.attempts + 1, last_status = v.status, last_error = v.error,
                            state = case when d.attempts + 1 >= ? then 'FAILED' else 'QUEUED' end,
                            next_attempt_at = v.at + least(? * power(2, least(d.attempts, 20)), ?) * interval '1 second'
                        from unnest(?::bigint[], ?::int[], ?::text[], ?::timestamptz[]) as v(id, status, error, at)
                        where d.id = v.id and d.state = 'QUEUED'""")) {
                    ps.setInt(1, config.maxAttempts());
                    ps.setDouble(2, config.firstRetry().toMillis() / 1000.0);
                    ps.setDouble(3, config.longestRetry().toMillis() / 1000.0);
                    ps.setArray(4, c.createArrayOf("bigint", failed.stream().map(Result::id).toArray()));
                    ps.setArray(5, c.createArrayOf("integer", failed.stream().map(Result::status).toArray()));
                    ps.setArray(6, c.createArrayOf("text", failed.stream().map(Result::error).toArray()));
                    ps.setArray(7, c.createArrayOf("timestamptz", failed.stream().map(r -> Timestamp.from(r.at())).toArray()));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording webhook results failed", e);
        }
    }
}
