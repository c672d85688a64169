package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.freelance.ledger.standalone.ScreenshotHttp.Response;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /screenshots} over HTTP on the standalone service: real images are stored once per content
 * hash in GridFS on the embedded read store; anything else is refused with a classified error and stores
 * nothing.
 */
class ScreenshotUploadTest extends StandaloneTestBase {

    @Autowired
    MongoDatabase readModelDatabase;

    ScreenshotHttp screenshots;

    @BeforeEach
    void client() {
        screenshots = new ScreenshotHttp("http://127.0.0.1:" + port);
    }

    @Test
    void aFreelancersPngIsStoredUnderItsHashWithItsDimensions() throws Exception {
        byte[] png = ScreenshotHttp.png(1280, 800);

        Response response = screenshots.upload(CAROL, "image/png", png);

        assertThat(response.status()).isEqualTo(201);
        JsonNode answer = response.json();
        String id = answer.path("screenshotId").asString();
        assertThat(id).isEqualTo(sha256(png));
        assertThat(answer.path("contentType").asString()).isEqualTo("image/png");
        assertThat(answer.path("bytes").asLong()).isEqualTo(png.length);
        assertThat(answer.path("width").asInt()).isEqualTo(1280);
        assertThat(answer.path("height").asInt()).isEqualTo(800);
        assertThat(response.header("Location")).isEqualTo("/screenshots/" + id);
        assertThat(storedFiles(id)).isEqualTo(3); // original, medium, thumbnail
    }

    @Test
    void aJpegIsStoredToo() {
        byte[] jpeg = ScreenshotHttp.jpeg(1920, 1080);

        Response response = screenshots.upload(CAROL, "image/jpeg", jpeg);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(response.json().path("width").asInt()).isEqualTo(1920);
    }

    @Test
    void theSameBytesAgainStoreNothingNewAndAnswerTheSame() {
        byte[] png = ScreenshotHttp.png(640, 400);
        Response first = screenshots.upload(CAROL, "image/png", png);

        Response repeat = screenshots.upload(CAROL, "image/png", png);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(storedFiles(first.json().path("screenshotId").asString())).isEqualTo(3);
    }

    /** Dave proves he has the bytes by sending them: he learns nothing new, and may now see what he sent. */
    @Test
    void anotherFreelancerSendingTheSameBytesIsAnsweredAsForANewScreenshotAndStoresNothingNew() {
        byte[] png = ScreenshotHttp.png(300, 200);
        String id = screenshots.uploaded(CAROL, "image/png", png);

        Response daves = screenshots.upload(DAVE, "image/png", png);

        assertThat(daves.status()).isEqualTo(201);
        assertThat(daves.json().path("screenshotId").asString()).isEqualTo(id);
        assertThat(storedFiles(id)).isEqualTo(3);
        assertThat(screenshots.download(DAVE, "/screenshots/" + id).body()).isEqualTo(png);
    }

    @Test
    void textClaimingToBeAPngIsRefused() {
        Response response = screenshots.upload(CAROL, "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8));

        assertRefused(response, 415, "BAD_REQUEST", "body", "body.not-an-image");
    }

    @Test
    void aJpegLabelledPngIsRefused() {
        Response response = screenshots.upload(CAROL, "image/png", ScreenshotHttp.jpeg(200, 100));

        assertRefused(response, 400, "BAD_REQUEST", "Content-Type", "Content-Type.mismatch");
    }

    @Test
    void anotherContentTypeIsRefused() {
        Response response = screenshots.upload(CAROL, "image/gif", ScreenshotHttp.png(200, 100));

        assertRefused(response, 415, "BAD_REQUEST", "Content-Type", "Content-Type.unsupported");
    }

    @Test
    void aTruncatedPngIsRefusedAndStoresNothing() {
        byte[] png = ScreenshotHttp.png(800, 600);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);

        Response response = screenshots.upload(CAROL, "image/png", truncated);

        assertRefused(response, 400, "BAD_REQUEST", "body", "body.corrupt");
        assertThat(storedFiles(sha256(truncated))).isZero();
    }

    @Test
    void aPngWithDamagedImageDataIsRefused() {
        byte[] damaged = ScreenshotHttp.png(800, 600);
        for (int i = damaged.length / 2; i < damaged.length / 2 + 64; i++) {
            damaged[i] ^= (byte) 0x5A;
        }

        assertRefused(screenshots.upload(CAROL, "image/png", damaged), 400, "BAD_REQUEST", "body", "body.corrupt");
    }

    /** 40,000 × 40,000 pixels would take 6.4 GB decoded: refused from the header, before any pixel is decoded. */
    @Test
    void anImageOverThePixelCapIsRefusedFromItsHeader() {
        byte[] bomb = ScreenshotHttp.pngClaiming(ScreenshotHttp.png(64, 64), 40_000, 40_000);

        Response response = screenshots.upload(CAROL, "image/png", bomb);

        assertRefused(response, 413, "BAD_REQUEST", "body", "body.too-many-pixels");
        assertThat(response.json().path("message").asString()).contains("40000 × 40000");
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertRefused(screenshots.upload(CAROL, "image/png", new byte[0]), 400, "BAD_REQUEST", "body", "body.required");
    }

    @Test
    void onlyFreelancersUpload() {
        byte[] png = ScreenshotHttp.png(200, 100);

        assertRefused(screenshots.upload(ALICE, "image/png", png), 403, "FORBIDDEN", null, "role.freelancer");
        assertRefused(screenshots.upload(ERIN, "image/png", png), 403, "FORBIDDEN", null, "role.freelancer");
        assertThat(storedFiles(sha256(png))).isZero();
    }

    @Test
    void anUnauthenticatedUploadIsRefused() {
        Response response = screenshots.anonymous(screenshots.request("/screenshots").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ScreenshotHttp.png(100, 100))));

        assertThat(response.status()).isEqualTo(401);
    }

    private void assertRefused(Response response, int status, String classification, String field, String rule) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.path("classification").asString()).isEqualTo(classification);
        assertThat(error.path("rule").asString()).isEqualTo(rule);
        if (field == null) {
            assertThat(error.path("field").isNull() || error.path("field").isMissingNode()).isTrue();
        } else {
            assertThat(error.path("field").asString()).isEqualTo(field);
        }
        assertThat(error.path("message").asString()).isNotBlank();
    }

    private long storedFiles(String screenshotId) {
        return readModelDatabase.getCollection("screenshots.files").countDocuments(Filters.eq("metadata.screenshotId", screenshotId));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
