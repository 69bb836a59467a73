package org.undersigned.signing;

import org.junit.jupiter.api.Test;
import org.undersigned.infra.Tokens;
import org.undersigned.letter.Letter;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The aggregate keeps its own rules: derived keys, corrections and links, without a database. */
class SignatureRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static SignOnInput organization(String name, String website) {
        return new SignOnInput("ORGANIZATION", name, website, "Oakland", "CA", "US", "ADVOCACY", "Ana Ruiz",
                "Director", "Ana@Example.org", null, null, null, true, true);
    }

    private static SignOnInput individual(String name) {
        return new SignOnInput("INDIVIDUAL", null, null, "Oakland", null, null, null, null, null,
                "ana@example.org", null, name, "Example University", true, false);
    }

    private static Signature signed(SignOnInput input) {
        return Signature.signedOn(new Letter(), 1, input, "hash", NOW.plusSeconds(60), NOW);
    }

    @Test
    void theKeysDeriveFromTheDetailsWhereverTheEntryComesFrom() {
        Signature s = signed(organization("The Example Org, Inc.", "www.example.org/about"));
        SignatoryKeys keys = SignatoryKeys.of(organization("The Example Org, Inc.", "www.example.org/about"));
        assertEquals(keys.sortKey(), s.sortKey());
        assertEquals(keys.nameKey(), s.nameKey());
        assertEquals("example.org", s.websiteDomain());
        assertEquals("ana@example.org", s.emailNormalized());
        assertEquals(NameKeys.nameKey("The Example Org, Inc."), s.nameKey());
        assertEquals("", signed(individual("Ana Ruiz")).nameKey(), "a person has no organization name key");
    }

    @Test
    void aCorrectionRecomputesTheKeysAndAnIndividualStillHasNoNameKey() {
        Signature org = signed(organization("Example Org", "https://example.org"));
        org.correct(CorrectionInput.of("Other Org", "https://other.example.net", "Berkeley", "CA", "US", null), NOW);
        assertEquals(NameKeys.sortKey("Other Org"), org.sortKey());
        assertEquals(NameKeys.nameKey("Other Org"), org.nameKey());
        assertEquals("other.example.net", org.websiteDomain());
        assertEquals("Berkeley", org.city());

        Signature person = signed(individual("Ana Ruiz"));
        person.correct(CorrectionInput.of("Ana M. Ruiz", null, "Oakland", null, null, "Example College"), NOW);
        assertEquals("", person.nameKey());
        assertEquals(NameKeys.sortKey("Ana M. Ruiz"), person.sortKey());
        assertEquals("Example College", person.affiliation());
    }

    @Test
    void aChangedNameOnAnApprovedEntryGoesBackToReview() {
        Signature s = signed(organization("Example Org", null));
        s.confirm(NOW, false);
        s.approve(NOW, 1L);
        s.correct(CorrectionInput.of("Example Org", null, "Berkeley", "CA", "US", null), NOW);
        assertEquals(SignatureState.APPROVED, s.state(), "a new city is not a new identity");
        s.correct(CorrectionInput.of("Someone Else", null, "Berkeley", "CA", "US", null), NOW);
        assertEquals(SignatureState.PENDING_REVIEW, s.state());
    }

    @Test
    void aFreshLinkReplacesTheEarlierOne() {
        Tokens tokens = new Tokens();
        Signature s = signed(organization("Example Org", null));
        String first = s.issueManageLink(tokens, NOW, Duration.ofDays(1));
        String firstHash = s.manageTokenHash();
        String second = s.issueManageLink(tokens, NOW, Duration.ofDays(2));
        assertNotEquals(first, second);
        assertNotEquals(firstHash, s.manageTokenHash());
        assertEquals(Tokens.hashOf(second).orElseThrow(), s.manageTokenHash());
        assertEquals(NOW.plus(Duration.ofDays(2)), s.manageExpiresAt());
    }
}
