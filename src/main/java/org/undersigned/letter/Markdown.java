package org.undersigned.letter;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders letter bodies and campaign updates with commonmark-java. Raw HTML in the source is
 * escaped, unsafe URL schemes are dropped, links get {@code rel="nofollow noopener"}, headings
 * are shifted below the page's own, and images become plain links so the page never loads
 * anything from another host.
 */
@ApplicationScoped
public class Markdown {

    /** A letter body sits under the page's h1 title and h2 "The letter": its top headings become h3. */
    public static final int LETTER_BODY_TOP_HEADING = 3;
    /** An update sits under the h2 "Updates" and its own h3 date. */
    public static final int UPDATE_TOP_HEADING = 4;

    /** Links may go to web pages, mail addresses and this site; anything else (javascript:, data:, …) is dropped. */
    private static final UrlSanitizer WEB_AND_MAIL_ONLY = new UrlSanitizer() {
        @Override
        public String sanitizeLinkUrl(String url) {
            String u = url.strip();
            String lower = u.toLowerCase(java.util.Locale.ROOT);
            boolean hasScheme = lower.matches("^[a-z][a-z0-9+.-]*:.*");
            if (!hasScheme || lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")) {
                return u;
            }
            return "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }
    };

    private final List<Extension> extensions = List.of(AutolinkExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();

    /**
     * @param topHeading the level the document's highest heading becomes, so that the page keeps
     *                   a sensible outline whatever levels the author used
     */
    public String toHtml(String markdown, int topHeading) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        int headingShift = topHeading - highestHeadingLevel(document);
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(WEB_AND_MAIL_ONLY)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        attributes.put("rel", "nofollow noopener");
                    }
                })
                .nodeRendererFactory(context -> new ShiftedHeadings(context, headingShift))
                .nodeRendererFactory(ImagesAsLinks::new)
                .build();
        return renderer.render(document);
    }

    private static int highestHeadingLevel(Node document) {
        int[] highest = {6};
        document.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                highest[0] = Math.min(highest[0], heading.getLevel());
            }
        });
        return highest[0];
    }

    private static final class ShiftedHeadings implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final int shift;

        ShiftedHeadings(HtmlNodeRendererContext context, int shift) {
            this.context = context;
            this.html = context.getWriter();
            this.shift = shift;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            String tag = "h" + Math.max(1, Math.min(6, ((Heading) node).getLevel() + shift));
            html.line();
            html.tag(tag, context.extendAttributes(node, tag, Map.of()));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/" + tag);
            html.line();
        }
    }

    private static final class ImagesAsLinks implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ImagesAsLinks(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = context.encodeUrl(image.getDestination());
            String href = context.shouldSanitizeUrls() ? context.urlSanitizer().sanitizeLinkUrl(url) : url;
            html.tag("a", context.extendAttributes(node, "a", Map.of("href", href, "rel", "nofollow noopener")));
            StringBuilder alt = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof org.commonmark.node.Text text) {
                    alt.append(text.getLiteral());
                }
            }
            html.text(alt.isEmpty() ? "[image]" : "[image: " + alt + "]");
            html.tag("/a");
        }
    }
}
