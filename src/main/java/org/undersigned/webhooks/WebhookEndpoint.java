package org.undersigned.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A receiver of events for one letter (or every letter): its address, the events it wants, the
 * secret its deliveries are signed with, and whether an ADMIN trusted it with contact details.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "webhook_endpoint_seq", sequenceName = "webhook_endpoint_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_endpoint_seq")
    private Long id;

    private Long letterId;
    private String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] events;
    private String secret;
    private String previousSecret;
    private Instant previousSecretUntil;
    private boolean trusted;
    private boolean active;
    private Instant createdAt;
    @Version
    private int version;

    protected WebhookEndpoint() {
    }

    static WebhookEndpoint register(Long letterId, String url, Set<WebhookEvent> events, String secret, Instant now) {
        WebhookEndpoint e = new WebhookEndpoint();
        e.letterId = letterId;
        e.url = url;
        e.events = events.stream().sorted().map(WebhookEvent::wireName).toArray(String[]::new);
        e.secret = secret;
        e.active = true;
        e.trusted = false;
        e.createdAt = now;
        return e;
    }

    /** A new secret; the old one keeps signing alongside it for {@code overlap}, so receivers can switch. */
    void rotateSecret(String fresh, Instant now, Duration overlap) {
        previousSecret = secret;
        previousSecretUntil = now.plus(overlap);
        secret = fresh;
    }

    /** Only an ADMIN decides this (checked by the service, which also audits it). */
    void setTrusted(boolean trusted) {
        this.trusted = trusted;
    }

    void deactivate() {
        active = false;
    }

    void changeEvents(Set<WebhookEvent> wanted) {
        events = wanted.stream().sorted().map(WebhookEvent::wireName).toArray(String[]::new);
    }

    public Long id() {
        return id;
    }

    public Long letterId() {
        return letterId;
    }

    public String url() {
        return url;
    }

    public List<String> events() {
        return Arrays.asList(events);
    }

    public boolean trusted() {
        return trusted;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    String secret() {
        return secret;
    }

    /** The previous secret while its overlap lasts. */
    String previousSecretAt(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil) ? previousSecret : null;
    }
}
