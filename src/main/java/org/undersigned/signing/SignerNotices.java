package org.undersigned.signing;

import org.undersigned.infra.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Telling a signer about a decision on their signature. An approval carries a fresh
 * self-service link, which replaces any earlier one.
 */
@ApplicationScoped
public class SignerNotices {

    @Inject
    Tokens tokens;

    @Inject
    SignerEmails emails;

    @Inject
    SigningConfig config;

    public void approved(Signature s, Instant now) {
        emails.approved(s, s.issueManageLink(tokens, now, config.manageLinkTtl()));
    }

    public void rejected(Signature s, String reason) {
        emails.rejected(s, reason);
    }
}
