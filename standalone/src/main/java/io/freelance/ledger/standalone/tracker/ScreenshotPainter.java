package io.freelance.ledger.standalone.tracker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws a desktop-like screenshot for a segment with Java2D and encodes it as PNG in memory: a gradient,
 * a few windows, the cell's time, window title and contract. The text makes every cell's bytes (and so
 * its screenshot id, the SHA-256 of the bytes) its own.
 */
final class ScreenshotPainter {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    private ScreenshotPainter() {
    }

    static byte[] png(Segment segment, long seed) {
        Random random = new Random(seed ^ segment.cellDateTime().getEpochSecond());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setPaint(new GradientPaint(0, 0, randomColor(random), WIDTH, HEIGHT, randomColor(random)));
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            for (int window = 0; window < 2 + random.nextInt(3); window++) {
                drawWindow(graphics, random);
            }
            graphics.setColor(new Color(20, 20, 20, 200));
            graphics.fillRect(0, HEIGHT - 56, WIDTH, 56);
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            graphics.drawString(segment.cellDateTime() + "  " + segment.activeWindowTitle(), 12, HEIGHT - 32);
            graphics.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
            graphics.drawString("contract " + segment.contractId() + "  " + segment.memo(), 12, HEIGHT - 12);
        } finally {
            graphics.dispose();
        }
        return encoded(image);
    }

    private static void drawWindow(Graphics2D graphics, Random random) {
        int width = 160 + random.nextInt(260);
        int height = 100 + random.nextInt(180);
        int x = random.nextInt(WIDTH - width);
        int y = random.nextInt(HEIGHT - 60 - height);
        graphics.setColor(new Color(245, 245, 245));
        graphics.fillRoundRect(x, y, width, height, 10, 10);
        graphics.setColor(randomColor(random));
        graphics.fillRect(x, y, width, 18);
        graphics.setColor(new Color(90, 90, 90));
        graphics.setStroke(new BasicStroke(2));
        for (int line = y + 30; line < y + height - 8; line += 12) {
            graphics.drawLine(x + 10, line, x + 10 + random.nextInt(width - 20), line);
        }
        if (random.nextBoolean()) {
            graphics.setColor(randomColor(random));
            graphics.fillOval(x + width - 60, y + height - 60, 44, 44);
        }
    }

    private static Color randomColor(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static byte[] encoded(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
