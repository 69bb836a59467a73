package org.undersigned.abuse;

import jakarta.persistence.Tuple;
import org.undersigned.infra.Sql;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateData;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.undersigned.account.Account;
import org.undersigned.account.Role;
import org.undersigned.infra.ClusterLock;
import org.undersigned.mail.MailPriority;
import org.undersigned.mail.Outbox;
import org.undersigned.web.SiteConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches each letter's recent sign-ons for one client address or email domain producing an
 * unusual share of them (a script, a stuffed form), and emails the admins once per letter,
 * kind and value per quiet period, with a link to invalidate them in bulk. Runs on one instance
 * at a time.
 */
@ApplicationScoped
public class AbuseAlerts {

    @TemplateData
    public record Alert(long id, long letterId, String kind, String value, int matching, int total, Instant since,
                        Instant createdAt) {
        public int percent() {
            return total == 0 ? 0 : Math.round(100f * matching / total);
        }

        /** The bulk invalidation form, filled in with this alert's address or domain and window. */
        public String invalidationQuery() {
            String field = "IP".equals(kind) ? "clientRange" : "emailDomain";
            return "?" + field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private static final String FIND = """
            with recent as (
                select s.letter_id, host(s.client_ip) as ip, split_part(s.email_normalized, '@', 2) as domain
                from signature s join letter l on l.id = s.letter_id and l.state = 'OPEN'
                where s.created_at >= ?1 and s.state <> 'WITHDRAWN'
            ), totals as (
                select letter_id, count(*) as total from recent group by letter_id having count(*) >= ?2
            ), shares as (
                select 'IP' as kind, r.letter_id, r.ip as value, count(*) as matching, t.total
                from recent r join totals t on t.letter_id = r.letter_id
                where r.ip is not null group by r.letter_id, r.ip, t.total
                union all
                select 'DOMAIN', r.letter_id, r.domain, count(*), t.total
                from recent r join totals t on t.letter_id = r.letter_id
                where r.domain <> '' and not (r.domain = any(cast(?3 as text[])))
                group by r.letter_id, r.domain, t.total
            )
            select kind, letter_id, value, matching, total from shares
            where matching >= ?4 * total
              and not exists (select 1 from abuse_alert a where a.letter_id = shares.letter_id and a.kind = shares.kind
                              and a.value = shares.value and a.created_at > ?5)""";

    @Inject
    EntityManager em;

    @Inject
    ClusterLock lock;

    @Inject
    AbuseConfig config;

    @Inject
    Outbox outbox;

    @Inject
    SiteConfig site;

    @Scheduled(every = "${undersigned.abuse.alerts.check-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        int raised = check(Instant.now());
        if (raised > 0) {
            Log.warnf("Raised %d abuse alert(s); the admins were emailed", raised);
        }
    }

    /** Looks at the window ending {@code now}; returns how many new alerts were raised. */
    @Transactional
    public int check(Instant now) {
        if (!lock.tryLock(ClusterLock.Job.ABUSE_ALERTS)) {
            return 0;
        }
        AbuseConfig.Alerts c = config.alerts();
        Instant since = now.minus(c.window());
        @SuppressWarnings("unchecked")
        List<Tuple> hits = em.createNativeQuery(FIND, Tuple.class)
                .setParameter(1, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .setParameter(2, c.minimumSignOns())
                .setParameter(3, c.commonMailDomains().stream().map(String::toLowerCase).toArray(String[]::new))
                .setParameter(4, c.share())
                .setParameter(5, OffsetDateTime.ofInstant(now.minus(c.quietPeriod()), java.time.ZoneOffset.UTC))
                .getResultList();
        List<String> admins = hits.isEmpty() ? List.of() : Account.<Account>list("role = ?1 and active = true", Role.ADMIN)
                .stream().filter(a -> a.passwordHash != null).map(a -> a.email).toList();
        for (Tuple h : hits) {
            Alert alert = record(Sql.string(h, "kind"), Sql.longValue(h, "letter_id"), Sql.string(h, "value"),
                    Sql.intValue(h, "matching"), Sql.intValue(h, "total"), since, now);
            String title = (String) em.createNativeQuery("select title from letter where id = ?1")
                    .setParameter(1, alert.letterId()).getSingleResult();
            for (String admin : admins) {
                outbox.enqueue(MailPriority.NOTICE, "abuse.alert", admin, "Unusual sign-ons on: " + title, body(alert, title));
            }
        }
        return hits.size();
    }

    /** Alerts for one letter, newest first. */
    @SuppressWarnings("unchecked")
    public List<Alert> recent(long letterId, int limit) {
        List<Tuple> rows = em.createNativeQuery("""
                        select id, letter_id, kind, value, matching, total, since, created_at from abuse_alert
                        where letter_id = ?1 order by id desc limit ?2""", Tuple.class)
                .setParameter(1, letterId).setParameter(2, limit).getResultList();
        List<Alert> out = new ArrayList<>();
        for (Tuple r : rows) {
            out.add(new Alert(Sql.longValue(r, "id"), Sql.longValue(r, "letter_id"), Sql.string(r, "kind"),
                    Sql.string(r, "value"), Sql.intValue(r, "matching"), Sql.intValue(r, "total"), Sql.instant(r, "since"),
                    Sql.instant(r, "created_at")));
        }
        return out;
    }

    private Alert record(String kind, long letterId, String value, int matching, int total, Instant since, Instant now) {
        Object id = em.createNativeQuery("""
                        insert into abuse_alert (letter_id, kind, value, matching, total, since, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""")
                .setParameter(1, letterId).setParameter(2, kind).setParameter(3, value).setParameter(4, matching)
                .setParameter(5, total).setParameter(6, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .setParameter(7, OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .getSingleResult();
        return new Alert(((Number) id).longValue(), letterId, kind, value, matching, total, since, now);
    }

    private String body(Alert a, String title) {
        String what = "IP".equals(a.kind()) ? "the client address " + a.value() : "the email domain " + a.value();
        return """
                %d of the last %d sign-ons on "%s" (%d%%, since %s UTC) came from %s.

                That can be a bot or one person submitting many entries. Nothing has been changed. To look \
                at them, or to invalidate them all in one step (reversible), open:

                %s/admin/letters/%d/invalidations%s

                You receive this because you are an admin on Undersigned. The same alert will not repeat \
                for this letter and %s for a while.
                """.formatted(a.matching(), a.total(), title, a.percent(), a.since().toString().replace('T', ' '),
                what, site.publicUrl(), a.letterId(), a.invalidationQuery(), "IP".equals(a.kind()) ? "address" : "domain");
    }
}
