package org.undersigned.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;

/**
 * The JSON body of a delivery. Public fields of the entry always; contact details (email, contact
 * person, phone) only for an endpoint an ADMIN marked as trusted. Never the client address,
 * link tokens or bot flags.
 */
final class WebhookPayloads {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String id, String event, Instant occurredAt, Letter letter, Signature signature, Contact contact) {
    }

    record Letter(long id, String slug, String title, String state, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Signature(long id, String state, String kind, String name, String affiliation, String website, String city,
                     String region, String country, String orgType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String email, String name, String title, String phone) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private WebhookPayloads() {
    }

    static String body(WebhookClaims.Claimed d, String siteUrl) {
        boolean aboutSignature = d.signatureId() != null && d.kind() != null;
        String letterState = d.signatureId() == null ? d.stateAfter() : d.letterState();
        Body body = new Body("whd_" + d.id(), d.event(), d.occurredAt(),
                new Letter(d.letterId(), d.letterSlug(), d.letterTitle(), letterState, siteUrl + "/letters/" + d.letterSlug()),
                aboutSignature ? new Signature(d.signatureId(), d.stateAfter(), d.kind(), d.displayName(), d.affiliation(),
                        d.website(), d.city(), d.region(), d.country(), d.orgType()) : null,
                aboutSignature && d.trusted() ? new Contact(d.email(), d.contactName(), d.contactTitle(), d.phone()) : null);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is always serializable", e);
        }
    }
}
