package org.undersigned.logos;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Real PNG and JPEG files for tests, with metadata or extra content planted in them. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return write(image(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return write(image(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A PNG with a tEXt chunk (keyword, text) inserted before IEND, CRC and all: a valid PNG carrying metadata. */
    public static byte[] pngWithText(int width, int height, String keyword, String text) {
        byte[] png = png(width, height);
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        return insertBefore(png, png.length - 12, chunk("tEXt", data));
    }

    /** A JPEG with an EXIF-like APP1 segment and a comment right after the start-of-image marker. */
    public static byte[] jpegWithExifAndComment(int width, int height, String exifText, String comment) {
        byte[] jpeg = jpeg(width, height);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifText.getBytes(StandardCharsets.ISO_8859_1));
        byte[] segments = concat(segment(0xE1, exif), segment(0xFE, comment.getBytes(StandardCharsets.ISO_8859_1)));
        return insertBefore(jpeg, 2, segments);
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static BufferedImage image(int width, int height, int type) {
        BufferedImage img = new BufferedImage(width, height, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x0b5394));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return img;
    }

    private static byte[] write(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        b.put(typeBytes);
        b.put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static byte[] segment(int marker, byte[] data) {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) marker;
        out[2] = (byte) ((data.length + 2) >> 8);
        out[3] = (byte) (data.length + 2);
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    private static byte[] insertBefore(byte[] file, int at, byte[] insert) {
        byte[] out = new byte[file.length + insert.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(file, at, out, at + insert.length, file.length - at);
        return out;
    }
}
