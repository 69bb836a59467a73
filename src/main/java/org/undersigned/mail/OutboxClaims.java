package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 * The outbox's bookkeeping, in whole batches: one statement claims a batch, one marks every sent
 * email of it, one each the retries and the bounces. Each statement commits on its own (autocommit,
 * no JTA), so no transaction is held open while talking to the SMTP server. A claim reserves rows
 * for this instance ({@code FOR UPDATE SKIP LOCKED}, then pushes their next attempt past the claim
 * period), so several instances never send the same email; if an instance dies mid-send, the claim
 * lapses and another instance sends it.
 */
@ApplicationScoped
public class OutboxClaims {

    /** A claimed email with what it takes to send it. */
    public record Claimed(long id, String kind, int priority, String recipient, String subject, String bodyText,
                          String unsubscribeUrl, String replyTo, Instant createdAt, int attempts) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MailConfig config;

    @Inject
    Event<MailBounced> bounced;

    /** Up to {@code limit} due emails, most urgent first (priority, then due time). */
    public List<Claimed> claimDue(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update outbox_email set next_attempt_at = ?
                     where id in (select id from outbox_email
                                  where state = 'QUEUED' and next_attempt_at <= ?
                                  order by priority, next_attempt_at, id
                                  limit ?
                                  for update skip locked)
                     returning id, kind, priority, recipient, subject, body_text, unsubscribe_url, reply_to,
                               created_at, attempts""")) {
            ps.setTimestamp(1, Timestamp.from(now.plus(config.claimFor())));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, limit);
            List<Claimed> claimed = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getInt("priority"),
                            rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
                            rs.getString("unsubscribe_url"), rs.getString("reply_to"),
                            rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")));
                }
            }
            claimed.sort((a, b) -> a.priority() != b.priority() ? Integer.compare(a.priority(), b.priority())
                    : Long.compare(a.id(), b.id()));
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming email failed", e);
        }
    }

    /** Records a batch's results: a few statements whatever the batch's size. */
    public void record(List<SendResult> results) {
        List<SendResult> sent = new ArrayList<>();
        List<SendResult> retry = new ArrayList<>();
        List<SendResult> bounce = new ArrayList<>();
        for (SendResult r : results) {
            switch (r.outcome()) {
                case SENT -> sent.add(r);
                case RETRY, SLOW_DOWN -> retry.add(r);
                case BOUNCED -> bounce.add(r);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            if (!sent.isEmpty()) {
                markSent(c, sent);
            }
            if (!retry.isEmpty()) {
                markForRetry(c, retry);
            }
            if (!bounce.isEmpty()) {
                List<Long> signatures = markBounced(c, bounce);
                if (!signatures.isEmpty()) {
                    bounced.fire(new MailBounced(signatures, bounce.get(0).at()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording sent email failed", e);
        }
    }

    private void markSent(Connection c, List<SendResult> sent) throws SQLException {
        // Once delivered, the recipient and body go (the body holds live links), unless kept for the dev mailbox.
        String erase = config.keepSentBodies() ? ""
                : ", recipient = null, body_text = null, body_html = null, unsubscribe_url = null";
        try (PreparedStatement ps = c.prepareStatement("""
                update outbox_email o set state = 'SENT', sent_at = v.at, last_error = null, smtp_reply = null""" + erase + """
                 from unnest(?::bigint[], ?::timestamptz[]) as v(id, at)
                where o.id = v.id and o.state = 'QUEUED'""")) {
            ps.setArray(1, c.createArrayOf("bigint", sent.stream().map(SendResult::id).toArray()));
            ps.setArray(2, c.createArrayOf("timestamptz", sent.stream().map(r -> Timestamp.from(r.at())).toArray()));
            ps.executeUpdate();
        }
    }

    /** Backs off exponentially; gives up (FAILED) after the configured number of attempts. */
    private void markForRetry(Connection c, List<SendResult> retry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update outbox_email o set attempts = o.attempts + 1, last_error = v.reply, smtp_reply = v.reply,
                    state = case when o.attempts + 1 >= ? then 'FAILED' else 'QUEUED' end,
                    failed_at = case when o.attempts + 1 >= ? then v.at end,
                    next_attempt_at = v.at + least(? * power(2, least(o.attempts, 20)), ?) * interval '1 second'
                from unnest(?::bigint[], ?::text[], ?::timestamptz[]) as v(id, reply, at)
                where o.id = v.id and o.state = 'QUEUED'""")) {
            ps.setInt(1, config.maxAttempts());
            ps.setInt(2, config.maxAttempts());
            ps.setDouble(3, config.firstRetry().toMillis() / 1000.0);
            ps.setDouble(4, config.longestRetry().toMillis() / 1000.0);
            ps.setArray(5, c.createArrayOf("bigint", retry.stream().map(SendResult::id).toArray()));
            ps.setArray(6, c.createArrayOf("text", retry.stream().map(SendResult::reply).toArray()));
            ps.setArray(7, c.createArrayOf("timestamptz", retry.stream().map(r -> Timestamp.from(r.at())).toArray()));
            ps.executeUpdate();
        }
    }

    /** A refused address is final: the body goes (live links); the recipient stays for the admins' mail page. */
    private List<Long> markBounced(Connection c, List<SendResult> bounce) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update outbox_email o set state = 'BOUNCED', bounced_at = v.at, attempts = o.attempts + 1,
                    last_error = v.reply, smtp_reply = v.reply, body_text = null, body_html = null, unsubscribe_url = null
                from unnest(?::bigint[], ?::text[], ?::timestamptz[]) as v(id, reply, at)
                where o.id = v.id and o.state = 'QUEUED'
                returning o.signature_id""")) {
            ps.setArray(1, c.createArrayOf("bigint", bounce.stream().map(SendResult::id).toArray()));
            ps.setArray(2, c.createArrayOf("text", bounce.stream().map(SendResult::reply).toArray()));
            ps.setArray(3, c.createArrayOf("timestamptz", bounce.stream().map(r -> Timestamp.from(r.at())).toArray()));
            List<Long> signatures = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sid = rs.getLong(1);
                    if (!rs.wasNull()) {
                        signatures.add(sid);
                    }
                }
            }
            return signatures;
        }
    }

    /**
     * Takes up to {@code want} sends from the cluster-wide budget of {@code perSecond} for the
     * current second, shared by every instance through one row.
     */
    public int reserveClusterBudget(int want, int perSecond) {
        Timestamp second = Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     with cur as (select case when window_start = ? then used else 0 end as used
                                  from mail_send_window where id = 1 for update)
                     update mail_send_window w set window_start = ?, used = cur.used + least(?, greatest(? - cur.used, 0))
                     from cur where w.id = 1
                     returning least(?, greatest(? - cur.used, 0))""")) {
            ps.setTimestamp(1, second);
            ps.setTimestamp(2, second);
            ps.setInt(3, want);
            ps.setInt(4, perSecond);
            ps.setInt(5, want);
            ps.setInt(6, perSecond);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reserving the send budget failed", e);
        }
    }
}
