package org.undersigned.letter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void rawHtmlIsEscapedNotRendered() {
        String html = markdown.toHtml("Hello <script>alert(1)</script> and <b onclick=\"x()\">bold</b>\n\n<iframe src=\"https://evil.example\"></iframe>", 3);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<b "), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void linksGetNofollowNoopener() {
        String html = markdown.toHtml("See [the report](https://example.org/report) and https://example.com/auto", 3);
        assertTrue(html.contains("<a rel=\"nofollow noopener\" href=\"https://example.org/report\">the report</a>"), html);
        assertTrue(html.contains("<a rel=\"nofollow noopener\" href=\"https://example.com/auto\">"), html);
    }

    @Test
    void scriptUrlsAreDropped() {
        String html = markdown.toHtml("[click](javascript:alert(1)) [data](data:text/html;base64,xyz)", 3);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("data:text/html"), html);
    }

    @Test
    void imagesBecomeLinksSoNothingIsLoadedFromAnotherHost() {
        String html = markdown.toHtml("![a chart](https://tracker.example/pixel.png)", 3);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("href=\"https://tracker.example/pixel.png\""), html);
        assertTrue(html.contains("[image: a chart]"), html);
    }

    @Test
    void headingsAreShiftedBelowThePageOutline() {
        String html = markdown.toHtml("# Top\n\ntext\n\n## Sub\n\nmore", 3);
        assertTrue(html.contains("<h3>Top</h3>"), html);
        assertTrue(html.contains("<h4>Sub</h4>"), html);
        String alreadySecondLevel = markdown.toHtml("## Why\n\ntext", 3);
        assertTrue(alreadySecondLevel.contains("<h3>Why</h3>"), alreadySecondLevel);
    }

    @Test
    void emptyTextRendersNothing() {
        assertEquals("", markdown.toHtml(null, 3));
        assertEquals("", markdown.toHtml("   ", 3));
    }
}
