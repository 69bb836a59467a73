package org.undersigned.sharing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.List;

/**
 * Draws a letter's share image (1200×630, the size Open Graph and Twitter cards expect): the
 * title and the current count, in the Noto fonts shipped with the app (the same as the PDF), so
 * nothing depends on fonts installed on the server. A title the Latin font cannot show is drawn
 * with the first shipped font that can (Arabic, Hebrew, then the CJK fallback).
 */
final class ShareImageRenderer {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    private static final int MARGIN = 72;
    private static final Color BACKGROUND = new Color(0x1d, 0x4e, 0xd8);
    private static final Color INK = Color.WHITE;
    private static final Color SOFT = new Color(0xdb, 0xea, 0xfe);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Font SANS_BOLD = load("NotoSans-Bold.ttf");
    private static final Font SANS = load("NotoSans-Regular.ttf");
    private static final List<Font> TITLE_FONTS = List.of(SANS_BOLD, load("NotoSansArabic-Bold.ttf"),
            load("NotoSansHebrew-Bold.ttf"), load("DroidSansFallbackFull.ttf"));

    private ShareImageRenderer() {
    }

    /** A PNG with the title (up to four lines) and "{count} {label}". */
    static byte[] render(String title, String count, String label, String siteName) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);

            g.setColor(SOFT);
            g.setFont(SANS.deriveFont(30f));
            g.drawString(siteName, MARGIN, MARGIN + 20);

            g.setColor(INK);
            drawTitle(g, title, titleFont(title).deriveFont(58f), MARGIN + 90, 4);

            g.setFont(SANS_BOLD.deriveFont(96f));
            int countBaseline = HEIGHT - MARGIN - 10;
            g.drawString(count, MARGIN, countBaseline);
            int countWidth = g.getFontMetrics().stringWidth(count);
            g.setColor(SOFT);
            g.setFont(SANS.deriveFont(44f));
            g.drawString(label, MARGIN + countWidth + 24, countBaseline);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawTitle(Graphics2D g, String title, Font font, int top, int maxLines) {
        AttributedString text = new AttributedString(title.isEmpty() ? " " : title);
        text.addAttribute(TextAttribute.FONT, font);
        FontRenderContext frc = g.getFontRenderContext();
        LineBreakMeasurer lines = new LineBreakMeasurer(text.getIterator(), frc);
        float y = top;
        float width = WIDTH - 2f * MARGIN;
        for (int n = 0; n < maxLines && lines.getPosition() < title.length(); n++) {
            TextLayout line = lines.nextLayout(width);
            y += line.getAscent();
            float x = line.isLeftToRight() ? MARGIN : MARGIN + width - line.getAdvance();
            line.draw(g, x, y);
            y += line.getDescent() + line.getLeading() + 6;
        }
    }

    private static Font titleFont(String title) {
        for (Font f : TITLE_FONTS) {
            if (f.canDisplayUpTo(title) < 0) {
                return f;
            }
        }
        return SANS_BOLD;
    }

    private static Font load(String file) {
        try (InputStream in = ShareImageRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the app: " + file);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read shipped font " + file, e);
        }
    }
}
