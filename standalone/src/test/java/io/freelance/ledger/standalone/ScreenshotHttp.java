package io.freelance.ledger.standalone;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Screenshot uploads and downloads over real HTTP as the demo users, and test images made with ImageIO. */
final class ScreenshotHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ScreenshotHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response upload(DemoUser user, String contentType, byte[] body) {
        HttpRequest.Builder request = request("/screenshots", user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request.build());
    }

    /** The id of a new screenshot uploaded by this freelancer; fails unless it was answered 201. */
    String uploaded(DemoUser freelancer, String contentType, byte[] body) {
        Response response = upload(freelancer, contentType, body);
        if (response.status() != 201) {
            throw new AssertionError("Upload answered " + response.status() + ": " + response.text());
        }
        return response.json().path("screenshotId").asString();
    }

    Response download(DemoUser user, String path) {
        return send(request(path, user).GET().build());
    }

    Response downloadIfNoneMatch(DemoUser user, String path, String etag) {
        return send(request(path, user).header("If-None-Match", etag).GET().build());
    }

    Response anonymous(HttpRequest.Builder request) {
        return send(request.build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder request(String path, DemoUser user) {
        return request(path).header("Authorization", basic(user));
    }

    static String basic(DemoUser user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.id() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    }

    private Response send(HttpRequest request) {
        try {
            return new Response(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    record Response(HttpResponse<byte[]> http) {

        int status() {
            return http.statusCode();
        }

        byte[] body() {
            return http.body();
        }

        String text() {
            return new String(body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body());
        }

        String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }

        /** The body decoded as an image. */
        BufferedImage image() {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(body()));
                if (image == null) {
                    throw new AssertionError("Not an image: " + status() + " " + header("Content-Type"));
                }
                return image;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // Test images

    static byte[] png(int width, int height) {
        return encoded(drawn(width, height), "png");
    }

    static byte[] jpeg(int width, int height) {
        return encoded(drawn(width, height), "jpeg");
    }

    /** A PNG whose header claims other dimensions (its CRC made to match, so only the size is a lie). */
    static byte[] pngClaiming(byte[] png, int width, int height) {
        byte[] forged = png.clone();
        ByteBuffer.wrap(forged, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(forged, 12, 17); // the IHDR chunk's type and data
        ByteBuffer.wrap(forged, 29, 4).putInt((int) crc.getValue());
        return forged;
    }

    /** Random noise under a shape: every image is new bytes, so tests sharing one service never meet each other's. */
    private static BufferedImage drawn(int width, int height) {
        Random random = new Random();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 3) {
            for (int x = 0; x < width; x += 3) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(random.nextInt()));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
