package org.undersigned.mail;

import java.time.Instant;
import java.util.List;

/**
 * Fired when the SMTP server refused addresses for good. The signing feature records it on the
 * signatures (a vetting signal), so the arrow between the packages still points one way.
 */
public record MailBounced(List<Long> signatureIds, Instant at) {
}
