package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.ScreenshotHttp.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /attachments} and {@code GET /attachments/{id}} over real HTTP as the demo users. Large files are
 * sent from a {@link GeneratedFile} and read back through a digest, so neither side of a test holds one whole.
 */
public final class AttachmentHttp {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Duration timeout;

    public AttachmentHttp(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    AttachmentHttp(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(60));
    }

    Response upload(DemoUser user, String fileName, String contentType, byte[] body) {
        return send(request(uploadPath(fileName), user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Sends the generated file as the body, with its {@code Content-Length} when {@code declareLength}, else in
     * chunks (as a client streaming a file of unknown size does).
     */
    public Uploaded upload(DemoUser user, String fileName, String contentType, GeneratedFile file, boolean declareLength) {
        HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(file::open);
        HttpRequest.BodyPublisher body = declareLength
                ? HttpRequest.BodyPublishers.fromPublisher(streamed, file.sizeBytes())
                : streamed;
        Response response = send(request(uploadPath(fileName), user).header("Content-Type", contentType).POST(body).build());
        return new Uploaded(response.status(), response.text());
    }

    /** The answer to an upload: its status and its JSON (the attachment, or the refusal). */
    public record Uploaded(int status, String text) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        public JsonNode json() {
            return JSON.readTree(text);
        }
    }

    Response download(DemoUser user, String attachmentId) {
        return send(request("/attachments/" + attachmentId, user).GET().build());
    }

    Response downloadIfNoneMatch(DemoUser user, String attachmentId, String etag) {
        return send(request("/attachments/" + attachmentId, user).header("If-None-Match", etag).GET().build());
    }

    /** A download read through a digest as it arrives: its status, headers, size and checksum. */
    public record Digested(int status, HttpHeaders headers, DigestingCopy body) {
    }

    public Digested downloadDigested(DemoUser user, String attachmentId) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request("/attachments/" + attachmentId, user).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            return new Digested(response.statusCode(), response.headers(), DigestingCopy.of(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    Response anonymous(HttpRequest.Builder request) {
        return send(request.build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    }

    static String uploadPath(String fileName) {
        return fileName == null ? "/attachments" : "/attachments?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, DemoUser user) {
        return request(path).header("Authorization", ScreenshotHttp.basic(user));
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
}
