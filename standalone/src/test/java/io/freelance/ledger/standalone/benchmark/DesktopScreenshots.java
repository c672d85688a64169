package io.freelance.ledger.standalone.benchmark;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Full-HD desktop screenshots (windows of text over a gradient, a photo-like patch), half JPEG and half PNG of
 * about 0.5 to 1 MB each, drawn and encoded once before anything is measured. Each upload is made new bytes (so a new
 * content hash, stored and scaled anew by the service) by a comment placed in the file (a JPEG COM segment, a PNG tEXt
 * chunk) without encoding again: the client's encoder is not what is measured. The pixels repeat across uploads;
 * the service's work per upload (hash, decode, medium and thumbnail, storage) does not depend on that.
 */
final class DesktopScreenshots {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    private static final int MAXIMUM_BYTES = 1_000_000;
    private static final int PNG_SIGNATURE_AND_HEADER = 8 + 25;
    private static final int JPEG_START_OF_IMAGE = 2;

    /** One encoded image, split where the comment goes. */
    record Image(String contentType, byte[] head, byte[] tail) {

        long length(byte[] comment) {
            return head.length + comment.length + tail.length;
        }

        /** The image with {@code marker} written into it: new bytes, the same picture. */
        HttpRequest.BodyPublisher body(String marker) {
            byte[] comment = contentType.equals("image/png") ? pngTextChunk(marker) : jpegComment(marker);
            return HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofByteArrays(List.of(head, comment, tail)), length(comment));
        }

        long bytes() {
            return head.length + tail.length;
        }
    }

    private final List<Image> images = new ArrayList<>();

    DesktopScreenshots(int count, long seed) {
        for (int index = 0; index < count; index++) {
            BufferedImage picture = desktop(new Random(seed + index));
            images.add(index % 2 == 0 ? jpeg(picture) : png(picture));
        }
    }

    Image get(int index) {
        return images.get(Math.floorMod(index, images.size()));
    }

    int count() {
        return images.size();
    }

    /** Smallest, largest and average size in MB (10^6 bytes). */
    String sizes() {
        LongSummaryStatistics bytes = images.stream().mapToLong(Image::bytes).summaryStatistics();
        return String.format(Locale.ROOT, "%.2f to %.2f MB, %.2f MB on average", bytes.getMin() / 1e6, bytes.getMax() / 1e6,
                bytes.getAverage() / 1e6);
    }

    private static BufferedImage desktop(Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setPaint(new GradientPaint(0, 0, color(random), WIDTH, HEIGHT, color(random)));
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            for (int window = 0; window < 6; window++) {
                textWindow(graphics, random);
            }
            photoPatch(image, random, WIDTH - 760 - random.nextInt(200), 60 + random.nextInt(120), 640, 360);
            graphics.setColor(new Color(30, 30, 30));
            graphics.fillRect(0, HEIGHT - 40, WIDTH, 40);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** A window of code-like text: what a tracker mostly sees, and what makes a screenshot's bytes. */
    private static void textWindow(Graphics2D graphics, Random random) {
        int width = 600 + random.nextInt(600);
        int height = 350 + random.nextInt(400);
        int x = random.nextInt(WIDTH - width);
        int y = random.nextInt(HEIGHT - 40 - height);
        graphics.setColor(new Color(250, 250, 250));
        graphics.fillRect(x, y, width, height);
        graphics.setColor(color(random));
        graphics.fillRect(x, y, width, 26);
        graphics.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        for (int line = y + 44; line < y + height - 6; line += 16) {
            graphics.setColor(new Color(random.nextInt(120), random.nextInt(120), random.nextInt(160)));
            graphics.drawString(words(random, 4 + random.nextInt(10)), x + 10 + 16 * random.nextInt(4), line);
        }
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int word = 0; word < count; word++) {
            for (int letter = 0; letter < 2 + random.nextInt(9); letter++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(random.nextInt(5) == 0 ? "(); " : " ");
        }
        return text.toString();
    }

    /** Smoothly varying colours with grain, like a photo or a video call in a corner of the screen. */
    private static void photoPatch(BufferedImage image, Random random, int left, int top, int width, int height) {
        double fx = 0.005 + random.nextDouble() * 0.02;
        double fy = 0.005 + random.nextDouble() * 0.02;
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                int red = clamp(128 + 90 * Math.sin(x * fx) + random.nextInt(40) - 20);
                int green = clamp(128 + 90 * Math.cos(y * fy) + random.nextInt(40) - 20);
                int blue = clamp(128 + 60 * Math.sin((x + y) * fx) + random.nextInt(40) - 20);
                image.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, value));
    }

    private static Color color(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    /** The best quality that stays under 1 MB. */
    private static Image jpeg(BufferedImage picture) {
        byte[] encoded = null;
        for (float quality = 0.95f; quality >= 0.5f; quality -= 0.05f) {
            encoded = jpegAt(picture, quality);
            if (encoded.length <= MAXIMUM_BYTES) {
                break;
            }
        }
        return new Image("image/jpeg", Arrays.copyOfRange(encoded, 0, JPEG_START_OF_IMAGE),
                Arrays.copyOfRange(encoded, JPEG_START_OF_IMAGE, encoded.length));
    }

    private static byte[] jpegAt(BufferedImage picture, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAXIMUM_BYTES);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(picture, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static Image png(BufferedImage picture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAXIMUM_BYTES);
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] encoded = out.toByteArray();
        return new Image("image/png", Arrays.copyOfRange(encoded, 0, PNG_SIGNATURE_AND_HEADER),
                Arrays.copyOfRange(encoded, PNG_SIGNATURE_AND_HEADER, encoded.length));
    }

    /** A COM segment: marker FFFE, then a length that counts its own two bytes. */
    private static byte[] jpegComment(String marker) {
        byte[] text = marker.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + text.length).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2))
                .put(text).array();
    }

    /** A tEXt chunk after the header: length, type, keyword NUL text, CRC of type and data. */
    private static byte[] pngTextChunk(String marker) {
        byte[] data = ("Comment\0" + marker).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type).put(data).putInt((int) crc.getValue())
                .array();
    }
}
