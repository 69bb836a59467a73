package org.undersigned.logos;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logo re-encoder: what goes in is never what comes out, and only plain PNG or JPEG images go in. */
class LogoImageTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void aPngWithMetadataComesOutAsAFreshPngWithoutIt() throws IOException {
        byte[] upload = TestImages.pngWithText(120, 80, "Comment", "GPS 52.5200N 13.4050E owner Jane Secret");
        assertTrue(new String(upload, StandardCharsets.ISO_8859_1).contains("Jane Secret"), "the planted metadata is there");
        LogoImage.Encoded out = LogoImage.reencode(upload);
        String text = new String(out.png(), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Jane Secret") || text.contains("GPS") || text.contains("tEXt"));
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(out.png()).stream().distinct().toList(),
                "only the image itself: no text, time, profile or other chunk");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.png()));
        assertEquals(120, decoded.getWidth());
        assertEquals(80, decoded.getHeight());
        assertEquals(120, out.width());
    }

    @Test
    void aJpegWithExifAndACommentComesOutAsAPngWithoutThem() throws IOException {
        byte[] upload = TestImages.jpegWithExifAndComment(200, 100, "GPSLatitude 40.7128 Camera SecretPhone", "taken by Jane Secret");
        LogoImage.Encoded out = LogoImage.reencode(upload);
        assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(out.png(), 8));
        String text = new String(out.png(), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Secret") || text.contains("Exif") || text.contains("GPS"));
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(out.png()).stream().distinct().toList());
    }

    @Test
    void largeLogosAreStoredScaledDownKeepingTheirProportions() throws IOException {
        LogoImage.Encoded out = LogoImage.reencode(TestImages.png(1600, 800));
        assertEquals(LogoImage.STORED_SIDE, out.width());
        assertEquals(LogoImage.STORED_SIDE / 2, out.height());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.png()));
        assertEquals(out.width(), decoded.getWidth());
    }

    @Test
    void svgIsRefusedWhateverItCallsItself() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        LogoImage.Refused refused = assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(svg));
        assertTrue(refused.detail().contains("Only PNG and JPEG"));
        byte[] xmlSvg = ("<?xml version=\"1.0\"?>\n<svg/>").getBytes(StandardCharsets.UTF_8);
        assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(xmlSvg));
    }

    @Test
    void polyglotsAreRefused() {
        // An image with an HTML page (or an archive) after its end.
        byte[] pngThenHtml = TestImages.concat(TestImages.png(64, 64),
                "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(pngThenHtml)).detail().contains("after the end"));
        byte[] jpegThenZip = TestImages.concat(TestImages.jpeg(64, 64), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0});
        assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(jpegThenZip));
        // A valid image whose metadata carries script: readable as HTML by a sniffing browser.
        byte[] pngWithScript = TestImages.pngWithText(64, 64, "Comment", "<script>alert(1)</script>");
        assertTrue(assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(pngWithScript)).detail().contains("markup"));
        byte[] jpegWithSvg = TestImages.jpegWithExifAndComment(64, 64, "x", "<svg onload=alert(1)>");
        assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(jpegWithSvg));
    }

    @Test
    void sizeAndDimensionLimitsAreChecked() {
        assertTrue(assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(TestImages.png(LogoImage.MAX_SIDE + 1, 20)))
                .detail().contains("larger than"));
        assertTrue(assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(TestImages.png(10, 10)))
                .detail().contains("smaller than"));
        byte[] tooBig = new byte[LogoImage.MAX_BYTES + 1];
        System.arraycopy(TestImages.png(32, 32), 0, tooBig, 0, 8);
        assertTrue(assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(tooBig)).detail().contains("KB"));
        assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(new byte[0]));
    }

    @Test
    void aTruncatedOrForgedImageIsRefusedNotAServerError() {
        byte[] png = TestImages.png(64, 64);
        byte[] broken = java.util.Arrays.copyOf(png, png.length);
        for (int i = 40; i < broken.length - 12; i++) {
            broken[i] = 0; // the pixel data is gone, the file still starts and ends like a PNG
        }
        assertThrows(LogoImage.Refused.class, () -> LogoImage.reencode(broken));
    }

    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.remaining() >= 12) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            types.add(new String(type, StandardCharsets.US_ASCII));
            b.position(b.position() + length + 4);
        }
        return types;
    }
}
