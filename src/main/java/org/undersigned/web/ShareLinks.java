package org.undersigned.web;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The addresses that make a letter shareable: its permanent link, its share image, its oEmbed
 * description, and plain share links to common services. Links only: no script, button image or
 * counter is ever loaded from those services, so nobody is tracked until they choose to click.
 * Templates use it as {@code inject:shareLinks}.
 */
@ApplicationScoped
@Named("shareLinks")
public class ShareLinks {

    /** One share link: a label and where it goes. */
    public record Link(String service, String label, String href) {
    }

    @Inject
    SiteConfig site;

    public String letterUrl(String slug) {
        return base() + "/letters/" + slug;
    }

    public String imageUrl(String slug) {
        return base() + "/letters/" + slug + "/share.png";
    }

    public String oembedUrl(String slug) {
        return base() + "/oembed?format=json&url=" + encode(letterUrl(slug));
    }

    public String embedUrl(String slug) {
        return base() + "/embed/letters/" + slug;
    }

    public List<Link> forLetter(String slug, String title) {
        Msg msg = MessageBundles.get(Msg.class);
        String url = letterUrl(slug);
        String text = msg.share_text(title);
        String u = encode(url);
        String t = encode(text);
        return List.of(
                new Link("email", msg.entry_email(), "mailto:?subject=" + t + "&body=" + encode(text + "\n\n" + url)),
                // share.joinmastodon.org lets the reader pick their own server; nothing is loaded before the click.
                new Link("mastodon", "Mastodon", "https://share.joinmastodon.org/#text=" + encode(text + " " + url)),
                new Link("bluesky", "Bluesky", "https://bsky.app/intent/compose?text=" + encode(text + " " + url)),
                new Link("x", "X", "https://x.com/intent/post?text=" + t + "&url=" + u),
                new Link("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new Link("whatsapp", "WhatsApp", "https://wa.me/?text=" + encode(text + " " + url)));
    }

    private String base() {
        String b = site.publicUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
