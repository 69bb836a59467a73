package org.undersigned.sharing;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The share image follows the count, but is drawn at most once per period however fast the count moves. */
class ShareImagesTest {

    private final AtomicInteger titleReads = new AtomicInteger();

    private ShareImages images(Duration every) {
        ShareImages images = new ShareImages();
        images.config = () -> every;
        images.labels = new ShareImages.Labels("signatories", "Undersigned");
        return images;
    }

    private String title() {
        titleReads.incrementAndGet();
        return "Protect the open web: a letter from civil society";
    }

    @Test
    void aChangingCountIsRedrawnAtMostOncePerPeriod() throws IOException {
        ShareImages images = images(Duration.ofSeconds(60));
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        ShareImages.Image first = images.image(7, 1, 100, this::title, t0);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(first.png()));
        assertNotNull(png, "a PNG");
        assertEquals(1200, png.getWidth());
        assertEquals(630, png.getHeight());

        // A viral minute: the count changes on every request, the image is not redrawn.
        for (int i = 1; i <= 500; i++) {
            assertEquals(first, images.image(7, 1, 100 + i, this::title, t0.plusMillis(i * 100L)));
        }
        assertEquals(1, titleReads.get(), "one render, one read of the title");

        ShareImages.Image later = images.image(7, 1, 700, this::title, t0.plusSeconds(61));
        assertEquals(700, later.count());
        assertFalse(java.util.Arrays.equals(first.png(), later.png()), "the new count is drawn");
        assertEquals("c700-v1", later.etag());

        // Same count later on: nothing to redraw.
        assertArrayEquals(later.png(), images.image(7, 1, 700, this::title, t0.plusSeconds(500)).png());
        assertEquals(2, titleReads.get());
    }

    @Test
    void aChangedLetterIsRedrawnAtOnce() {
        ShareImages images = images(Duration.ofSeconds(60));
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        images.image(8, 1, 5, this::title, t0);
        ShareImages.Image retitled = images.image(8, 2, 5, () -> "A new title", t0.plusSeconds(1));
        assertEquals(2, retitled.rowVersion());
    }

    @Test
    void titlesInOtherScriptsAreDrawnWithAShippedFont() throws IOException {
        for (String title : java.util.List.of("رسالة مفتوحة لحماية الإنترنت", "מכתב פתוח", "保护开放网络的公开信", "Lettre ouverte : l’été")) {
            byte[] png = ShareImageRenderer.render(title, "1,234", "signatories", "Undersigned");
            assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), title);
        }
    }
}
