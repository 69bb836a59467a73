package org.undersigned.sharing;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.undersigned.web.Msg;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each letter's share image, rendered once and kept in memory on this instance. It follows the
 * count, but at most once per {@code undersigned.sharing.image-refresh-every} per letter: at a
 * viral rate the count changes every moment, and one render a period (one thread, while the
 * others keep answering the image they have) bounds the work whatever the traffic. A change of
 * the letter itself (its row version: a new title) renders at once.
 */
@ApplicationScoped
public class ShareImages {

    /** A rendered image and what it shows. */
    public record Image(byte[] png, long count, long rowVersion, Instant renderedAt) {
        public String etag() {
            return "c" + count + "-v" + rowVersion;
        }
    }

    /** The words drawn besides the title and the count. */
    record Labels(String signatories, String siteName) {
        static Labels fromBundle() {
            Msg msg = MessageBundles.get(Msg.class);
            return new Labels(msg.letter_signatories().toLowerCase(java.util.Locale.forLanguageTag(msg.lang_tag())), msg.site_name());
        }
    }

    @Inject
    SharingConfig config;

    /** Set only where no message bundle runs (plain unit tests); otherwise read from {@link Msg}. */
    Labels labels;

    private final Map<Long, Image> images = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    /**
     * The image for this letter at this count; {@code title} is asked for only when a render is
     * due (it costs a database read).
     */
    public Image image(long letterId, long rowVersion, long count, Supplier<String> title, Instant now) {
        Image current = images.get(letterId);
        if (current != null && !due(current, rowVersion, count, now)) {
            return current;
        }
        synchronized (locks.computeIfAbsent(letterId, k -> new Object())) {
            Image again = images.get(letterId);
            if (again != null && !due(again, rowVersion, count, now)) {
                return again;
            }
            Labels l = labels != null ? labels : Labels.fromBundle();
            byte[] png = ShareImageRenderer.render(title.get(), String.format("%,d", count), l.signatories(), l.siteName());
            Image fresh = new Image(png, count, rowVersion, now);
            images.put(letterId, fresh);
            return fresh;
        }
    }

    private boolean due(Image image, long rowVersion, long count, Instant now) {
        if (image.rowVersion() != rowVersion) {
            return true;
        }
        return image.count() != count && !now.isBefore(image.renderedAt().plus(config.imageRefreshEvery()));
    }
}
