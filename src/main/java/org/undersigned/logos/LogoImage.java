package org.undersigned.logos;

import org.undersigned.web.ProblemException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * Turns an uploaded logo into a fresh PNG the server drew itself. Only PNG and JPEG are taken,
 * recognised by their first bytes (never by name or declared type), so SVG (which can carry
 * script) never gets in. A file that is also something else (a "polyglot": markup inside, or
 * bytes after the image's end) is refused outright. What is stored is the decoded pixels written
 * anew by the JDK's ImageIO: no metadata (EXIF, GPS, comments, colour profiles) survives.
 */
public final class LogoImage {

    /** Largest upload accepted. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Largest width or height accepted, checked before decoding (no decompression bombs). */
    public static final int MAX_SIDE = 2000;
    /** Smallest width or height: anything smaller is not a readable logo. */
    public static final int MIN_SIDE = 16;
    /**
     * The longest base64 text (RFC 4648, padded) of an upload within {@link #MAX_BYTES}: a logo sent
     * as text (the JSON sign-on API) longer than this is refused before any of it is decoded.
     */
    public static final int MAX_BASE64_CHARS = 4 * ((MAX_BYTES + 2) / 3);
    /** Logos are stored at most this wide or high, scaled down keeping their proportions. */
    public static final int STORED_SIDE = 400;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
    private static final String[] MARKUP = {"<svg", "<script", "<html", "<?xml", "<!doctype", "<body", "<iframe",
            "javascript:", "<?php"};

    /** A logo re-encoded as PNG. */
    public record Encoded(byte[] png, int width, int height) {
    }

    /** Why an upload was refused: a 400 with a sentence the uploader can act on. */
    public static class Refused extends ProblemException {
        Refused(String detail) {
            super(400, "invalid-logo", "This logo cannot be used", detail);
        }
    }

    private LogoImage() {
    }

    /**
     * The bytes of a logo sent as base64 text, to hand to {@link #reencode}: too long is refused
     * by its length alone, before decoding; anything but plain base64 is refused too.
     */
    public static byte[] fromBase64(String text) {
        if (text.length() > MAX_BASE64_CHARS) {
            throw new Refused("The file is larger than " + (MAX_BYTES / 1024) + " KB.");
        }
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Refused("The logo must be the image file's bytes in base64 (RFC 4648), with nothing else.");
        }
    }

    public static Encoded reencode(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new Refused("The file is empty.");
        }
        if (upload.length > MAX_BYTES) {
            throw new Refused("The file is larger than " + (MAX_BYTES / 1024) + " KB.");
        }
        String format = format(upload);
        refuseAnythingElseInside(upload, format);
        BufferedImage decoded = decode(upload, format);
        BufferedImage pixels = scaled(decoded);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(pixels, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG in memory failed", e);
        }
        return new Encoded(out.toByteArray(), pixels.getWidth(), pixels.getHeight());
    }

    private static String format(byte[] b) {
        if (b.length > PNG_MAGIC.length && Arrays.equals(b, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
            return "png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        throw new Refused("Only PNG and JPEG images are accepted (SVG and other formats are not).");
    }

    /** A real logo ends where its format says and carries no markup; a polyglot does not. */
    private static void refuseAnythingElseInside(byte[] b, String format) {
        boolean endsRight = format.equals("png")
                ? b.length >= PNG_END.length && Arrays.equals(b, b.length - PNG_END.length, b.length, PNG_END, 0, PNG_END.length)
                : (b[b.length - 2] & 0xff) == 0xff && (b[b.length - 1] & 0xff) == 0xd9;
        if (!endsRight) {
            throw new Refused("The file has data after the end of the image.");
        }
        String text = new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : MARKUP) {
            if (text.contains(marker)) {
                throw new Refused("The file contains markup or script as well as an image.");
            }
        }
    }

    private static BufferedImage decode(byte[] b, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no " + format + " reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: it is never read, let alone kept
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE) {
                    throw new Refused("The image is larger than " + MAX_SIDE + " × " + MAX_SIDE + " pixels.");
                }
                if (w < MIN_SIDE || h < MIN_SIDE) {
                    throw new Refused("The image is smaller than " + MIN_SIDE + " × " + MIN_SIDE + " pixels.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused r) {
                throw r;
            }
            throw new Refused("The image could not be read.");
        }
    }

    /** Fresh ARGB pixels, at most {@link #STORED_SIDE} on a side. */
    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) STORED_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
