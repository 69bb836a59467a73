package org.undersigned.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.undersigned.audit.Actor;
import org.undersigned.audit.AuditLog;
import org.undersigned.web.FormErrors;
import org.undersigned.web.InvalidInputException;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Registering and looking after webhook endpoints (ADMINs only, enforced by the resources;
 * every change audited). A secret is shown once, when it is made; trusting an endpoint with
 * contact details is its own audited decision.
 */
@ApplicationScoped
public class Webhooks {

    /** An endpoint as admins see it, with how its deliveries went. */
    public record EndpointView(long id, Long letterId, String url, List<String> events, boolean trusted, boolean active,
                               Instant createdAt, long queued, long failed, String lastState, Integer lastStatus,
                               String lastError, Instant lastDeliveredAt) {
    }

    /** A new endpoint or a rotated secret: the only time the secret is shown. */
    public record WithSecret(EndpointView endpoint, String secret) {
    }

    public record DeliveryView(long id, String event, Long signatureId, String stateAfter, Instant occurredAt,
                               String state, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                               Instant deliveredAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    WebhookConfig config;

    @Transactional
    public WithSecret register(Long letterId, String url, List<String> eventNames, Actor actor) {
        FormErrors errors = FormErrors.none();
        String checkedUrl = checkUrl(url, errors);
        Set<WebhookEvent> events = checkEvents(eventNames, errors);
        if (letterId != null && em.createNativeQuery("select 1 from letter where id = ?1").setParameter(1, letterId)
                .getResultList().isEmpty()) {
            errors.add("letterId", org.undersigned.web.AdminMsg::webhooks_no_such_letter);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String secret = newSecret();
        WebhookEndpoint e = WebhookEndpoint.register(letterId, checkedUrl, events, secret, Instant.now());
        e.persistAndFlush();
        audit.record(actor, "webhook.registered", subject(e), null,
                AuditLog.values("endpoint", e.id(), "url", e.url(), "events", String.join(",", e.events())));
        return new WithSecret(view(e.id()), secret);
    }

    @Transactional
    public WithSecret rotateSecret(long id, Actor actor) {
        WebhookEndpoint e = find(id);
        String secret = newSecret();
        e.rotateSecret(secret, Instant.now(), config.rotationOverlap());
        audit.record(actor, "webhook.secret-rotated", subject(e), null, AuditLog.values("endpoint", id));
        return new WithSecret(view(id), secret);
    }

    /** Whether deliveries to this endpoint carry contact details. The caller must be an ADMIN. */
    @Transactional
    public EndpointView setTrusted(long id, boolean trusted, Actor actor) {
        WebhookEndpoint e = find(id);
        boolean before = e.trusted();
        e.setTrusted(trusted);
        if (before != trusted) {
            audit.record(actor, trusted ? "webhook.trusted" : "webhook.untrusted", subject(e),
                    AuditLog.values("endpoint", id, "trusted", before), AuditLog.values("endpoint", id, "trusted", trusted));
        }
        em.flush();
        return view(id);
    }

    @Transactional
    public EndpointView changeEvents(long id, List<String> eventNames, Actor actor) {
        FormErrors errors = FormErrors.none();
        Set<WebhookEvent> events = checkEvents(eventNames, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        WebhookEndpoint e = find(id);
        String before = String.join(",", e.events());
        e.changeEvents(events);
        audit.record(actor, "webhook.events-changed", subject(e), AuditLog.values("events", before),
                AuditLog.values("events", String.join(",", e.events())));
        em.flush();
        return view(id);
    }

    /** Stops the endpoint; what was still waiting for it fails (an admin can see it). */
    @Transactional
    public EndpointView deactivate(long id, Actor actor) {
        WebhookEndpoint e = find(id);
        e.deactivate();
        em.createNativeQuery("""
                update webhook_delivery set state = 'FAILED', last_error = 'endpoint deactivated'
                where endpoint_id = ?1 and state = 'QUEUED'""").setParameter(1, id).executeUpdate();
        audit.record(actor, "webhook.deactivated", subject(e), null, AuditLog.values("endpoint", id));
        em.flush();
        return view(id);
    }

    /** Queues a failed delivery again, for a fresh set of attempts. */
    @Transactional
    public DeliveryView redeliver(long endpointId, long deliveryId, Actor actor) {
        DeliveryView d = deliveries(endpointId, deliveryId + 1, 1).stream().filter(x -> x.id() == deliveryId).findFirst()
                .orElseThrow(NotFoundException::new);
        DeliveryState.valueOf(d.state()).moveTo(DeliveryState.QUEUED);
        if (!find(endpointId).active()) {
            throw new org.undersigned.web.RuleException(org.undersigned.web.AdminMsg::webhooks_endpoint_inactive_title,
                    org.undersigned.web.AdminMsg::webhooks_endpoint_inactive);
        }
        em.createNativeQuery("""
                update webhook_delivery set state = 'QUEUED', attempts = 0, next_attempt_at = now()
                where id = ?1 and state = 'FAILED'""").setParameter(1, deliveryId).executeUpdate();
        audit.record(actor, "webhook.redelivered", subject(find(endpointId)), null, AuditLog.values("delivery", deliveryId));
        return deliveries(endpointId, deliveryId + 1, 1).get(0);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<EndpointView> endpoints() {
        List<Tuple> rows = em.createNativeQuery(VIEW + " order by e.id", Tuple.class).getResultList();
        return rows.stream().map(Webhooks::endpointOf).toList();
    }

    /** The endpoints that hear about this letter: its own and the global ones. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<EndpointView> endpointsFor(long letterId) {
        List<Tuple> rows = em.createNativeQuery(VIEW + " where e.letter_id = ?1 or e.letter_id is null order by e.id", Tuple.class)
                .setParameter(1, letterId).getResultList();
        return rows.stream().map(Webhooks::endpointOf).toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public EndpointView view(long id) {
        List<Tuple> rows = em.createNativeQuery(VIEW + " where e.id = ?1", Tuple.class).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException();
        }
        return endpointOf(rows.get(0));
    }

    private static EndpointView endpointOf(Tuple t) {
        String events = t.get("events", String.class);
        return new EndpointView(num(t.get("id")), nullableNum(t.get("letter_id")), t.get("url", String.class),
                events.isEmpty() ? List.of() : List.of(events.split(",")), t.get("trusted", Boolean.class),
                t.get("active", Boolean.class), instant(t.get("created_at")), num(t.get("queued")), num(t.get("failed")),
                t.get("last_state", String.class), nullableInt(t.get("last_status")), t.get("last_error", String.class),
                instant(t.get("delivered_at")));
    }

    private static DeliveryView deliveryOf(Tuple t) {
        return new DeliveryView(num(t.get("id")), t.get("event", String.class), nullableNum(t.get("signature_id")),
                t.get("state_after", String.class), instant(t.get("occurred_at")), t.get("state", String.class),
                (int) num(t.get("attempts")), instant(t.get("next_attempt_at")), nullableInt(t.get("last_status")),
                t.get("last_error", String.class), instant(t.get("delivered_at")));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Long nullableNum(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Integer nullableInt(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : ((Timestamp) o).toInstant();
    }

    /** Newest first, {@code limit} deliveries before {@code beforeId} (keyset). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<DeliveryView> deliveries(long endpointId, Long beforeId, int limit) {
        find(endpointId);
        List<Tuple> rows = em.createNativeQuery("""
                select id, event, signature_id, state_after, occurred_at, state, attempts, next_attempt_at, last_status,
                       last_error, delivered_at
                from webhook_delivery where endpoint_id = ?1 and id < ?2 order by id desc limit ?3""", Tuple.class)
                .setParameter(1, endpointId).setParameter(2, beforeId == null ? Long.MAX_VALUE : beforeId)
                .setParameter(3, Math.max(1, Math.min(limit, 200))).getResultList();
        return rows.stream().map(Webhooks::deliveryOf).toList();
    }

    private static final String VIEW = """
            select e.id, e.letter_id, e.url, array_to_string(e.events, ',') as events, e.trusted, e.active, e.created_at,
                   (select count(*) from webhook_delivery q where q.endpoint_id = e.id and q.state = 'QUEUED') as queued,
                   (select count(*) from webhook_delivery f where f.endpoint_id = e.id and f.state = 'FAILED') as failed,
                   last.state as last_state, last.last_status, last.last_error, last.delivered_at
            from webhook_endpoint e
            left join lateral (select state, last_status, last_error, delivered_at from webhook_delivery l
                               where l.endpoint_id = e.id and l.attempts > 0
                               order by l.id desc limit 1) last on true""";

    private WebhookEndpoint find(long id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    private static AuditLog.Subject subject(WebhookEndpoint e) {
        return e.letterId() == null ? new AuditLog.Subject(null, null, null) : AuditLog.Subject.letter(e.letterId());
    }

    private String checkUrl(String url, FormErrors errors) {
        String value = url == null ? "" : url.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = scheme.equals("https") || (scheme.equals("http") && config.allowHttp());
            if (!schemeOk || uri.getHost() == null || uri.getRawUserInfo() != null || value.length() > 2000) {
                errors.add("url", config.allowHttp() ? "Enter the receiver's full address, starting with https:// or http://."
                        : "Enter the receiver's full address, starting with https://.");
            }
        } catch (java.net.URISyntaxException e) {
            errors.add("url", org.undersigned.web.AdminMsg::webhooks_url_invalid);
        }
        return value;
    }

    private static Set<WebhookEvent> checkEvents(List<String> names, FormErrors errors) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String n : names == null ? List.<String>of() : names) {
            WebhookEvent.fromWire(n).ifPresentOrElse(events::add,
                    () -> errors.add("events", m -> m.webhooks_unknown_event(org.undersigned.web.PlainText.line(n))));
        }
        if (events.isEmpty() && !errors.has("events")) {
            errors.add("events", org.undersigned.web.AdminMsg::webhooks_no_event);
        }
        return events;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
