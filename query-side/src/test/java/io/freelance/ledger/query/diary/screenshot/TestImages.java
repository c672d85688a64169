package io.freelance.ledger.query.diary.screenshot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Screenshots made with ImageIO for tests, and damaged or forged copies of them. */
final class TestImages {

    private TestImages() {
    }

    static byte[] png(int width, int height, long seed) {
        return encoded(drawn(width, height, seed), "png");
    }

    static byte[] jpeg(int width, int height, long seed) {
        return encoded(drawn(width, height, seed), "jpeg");
    }

    /** A PNG whose header claims other dimensions than its pixel data has (CRC made to match, so only the size is wrong). */
    static byte[] pngClaiming(byte[] png, int width, int height) {
        byte[] forged = png.clone();
        ByteBuffer.wrap(forged, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(forged, 12, 17); // the IHDR chunk's type and data
        ByteBuffer.wrap(forged, 29, 4).putInt((int) crc.getValue());
        return forged;
    }

    static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length * 2 / 3);
    }

    /** Noise under a few shapes, so the encoded file is not trivially small and each seed gives other bytes. */
    private static BufferedImage drawn(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(random.nextInt()));
        graphics.fillRect(width / 8, height / 8, width / 2, height / 3);
        graphics.setColor(Color.BLACK);
        graphics.drawString("Work diary " + seed, 10, 20);
        graphics.dispose();
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
