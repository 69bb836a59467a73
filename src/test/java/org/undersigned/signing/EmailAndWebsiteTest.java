package org.undersigned.signing;

import org.undersigned.infra.EmailAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailAndWebsiteTest {

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.org", "a.b+tag@sub.example.co.uk", "x@xn--bcher-kva.example"})
    void plausibleAddressesAreAccepted(String email) {
        assertTrue(EmailAddresses.isValid(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ana", "ana@", "@example.org", "ana@example", "ana@@example.org", "ana @example.org",
            "ana@example..org", "<ana@example.org>", "ana@example.org,bob@example.org"})
    void malformedAddressesAreRefused(String email) {
        assertFalse(EmailAddresses.isValid(email));
    }

    @Test
    void normalizationFoldsCasePlusTagsAndGmailDots() {
        assertEquals("ana@example.org", EmailAddresses.normalize(" Ana@Example.ORG "));
        assertEquals("ana@example.org", EmailAddresses.normalize("ana+letters@example.org"));
        assertEquals("anasmith@gmail.com", EmailAddresses.normalize("Ana.Smith+x@googlemail.com"));
        assertEquals("ana.smith@example.org", EmailAddresses.normalize("ana.smith@example.org"), "dots matter elsewhere");
    }

    @Test
    void websitesAreNormalizedToAbsoluteAddresses() {
        assertEquals(Optional.of("https://example.org"), Websites.normalize("example.org"));
        assertEquals(Optional.of("https://www.example.org/about"), Websites.normalize("www.EXAMPLE.org/about"));
        assertEquals(Optional.of("http://example.org/a?b=c"), Websites.normalize("HTTP://example.org/a?b=c"));
        assertEquals(Optional.empty(), Websites.normalize("javascript:alert(1)"));
        assertEquals(Optional.empty(), Websites.normalize("not a website"));
        assertEquals(Optional.empty(), Websites.normalize("localhost"));
        assertEquals(Optional.empty(), Websites.normalize("https://user:pw@example.org"));
        assertEquals("example.org", Websites.domain("https://www.example.org/x"));
    }
}
