package org.undersigned.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML part is the text part's words: paragraphs, working links, escaped markup, a language. */
class MailHtmlTest {

    @Test
    void paragraphsLinksAndEscaping() {
        String html = MailMessages.html("Confirm <now>", """
                Hello "Tenants & Neighbours",

                Please confirm: https://letters.example.org/confirm/abc123.
                Or see http://letters.example.org/letters/x?a=1&b=2 (the letter)
                <script>alert(1)</script>""");
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">"), html);
        assertTrue(html.contains("<title>Confirm &lt;now&gt;</title>"));
        assertTrue(html.contains("<p>Hello &quot;Tenants &amp; Neighbours&quot;,</p>"), html);
        assertTrue(html.contains("<a href=\"https://letters.example.org/confirm/abc123\">https://letters.example.org/confirm/abc123</a>."),
                "trailing punctuation is not part of the link: " + html);
        assertTrue(html.contains("<a href=\"http://letters.example.org/letters/x?a=1&amp;b=2\">"), html);
        assertTrue(html.contains("<br>"), "line breaks inside a paragraph are kept");
        assertTrue(html.contains("&lt;script&gt;"));
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<img"), "no images, so nothing to track opens with");
    }
}
