package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.ScreenshotHttp.Response;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /screenshots/{id}[/medium|/thumbnail]} over HTTP: streamed from GridFS with caching headers
 * for content-addressed bytes, to the uploader, finance and dispute handlers; to anyone else the
 * screenshot does not exist.
 */
class ScreenshotDownloadTest extends StandaloneTestBase {

    private static final String IMMUTABLE = "private, max-age=31536000, immutable";

    ScreenshotHttp screenshots;

    @BeforeEach
    void client() {
        screenshots = new ScreenshotHttp("http://127.0.0.1:" + port);
    }

    @Test
    void theUploaderDownloadsTheOriginalByteForByteWithCachingHeaders() {
        byte[] png = ScreenshotHttp.png(1600, 900);
        String id = screenshots.uploaded(CAROL, "image/png", png);

        Response original = screenshots.download(CAROL, "/screenshots/" + id);

        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(png);
        assertThat(original.header("Content-Type")).isEqualTo("image/png");
        assertThat(original.header("Content-Length")).isEqualTo(String.valueOf(png.length));
        assertThat(original.header("ETag")).isEqualTo("\"" + id + "\"");
        assertThat(original.header("Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(original.header("Pragma")).isNull();
    }

    /** Over 255 KiB, so it is stored and read back as several GridFS chunks. */
    @Test
    void anOriginalOfSeveralChunksComesBackWhole() {
        byte[] png = ScreenshotHttp.png(1920, 1200);
        assertThat(png.length).isGreaterThan(3 * 255 * 1024);
        String id = screenshots.uploaded(CAROL, "image/png", png);

        assertThat(screenshots.download(CAROL, "/screenshots/" + id).body()).isEqualTo(png);
    }

    @Test
    void theMediumImageAndTheThumbnailFitTheirBoxesAndKeepTheAspectRatio() {
        String id = screenshots.uploaded(CAROL, "image/jpeg", ScreenshotHttp.jpeg(2560, 1440));

        Response medium = screenshots.download(CAROL, "/screenshots/" + id + "/medium");
        Response thumbnail = screenshots.download(CAROL, "/screenshots/" + id + "/thumbnail");

        assertThat(medium.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(medium.header("ETag")).isEqualTo("\"" + id + "-medium\"");
        assertThat(medium.header("Cache-Control")).isEqualTo(IMMUTABLE);
        assertSize(medium.image(), 1024, 576);
        assertThat(thumbnail.header("ETag")).isEqualTo("\"" + id + "-thumbnail\"");
        assertSize(thumbnail.image(), 200, 113);
    }

    @Test
    void aScreenshotSmallerThanTheMediumBoxIsNotEnlarged() {
        String id = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(800, 600));

        assertSize(screenshots.download(CAROL, "/screenshots/" + id + "/medium").image(), 800, 600);
        assertSize(screenshots.download(CAROL, "/screenshots/" + id + "/thumbnail").image(), 200, 150);
    }

    @Test
    void aCopyTheBrowserAlreadyHasIsAnsweredNotModified() {
        String id = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(400, 300));
        String etag = screenshots.download(CAROL, "/screenshots/" + id).header("ETag");

        Response again = screenshots.downloadIfNoneMatch(CAROL, "/screenshots/" + id, etag);
        Response thumbnailWithOriginalsTag = screenshots.downloadIfNoneMatch(CAROL, "/screenshots/" + id + "/thumbnail", etag);

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.header("Cache-Control")).isEqualTo(IMMUTABLE);
        assertThat(thumbnailWithOriginalsTag.status()).isEqualTo(200);
    }

    @Test
    void financeAndDisputeHandlersMayDownload() {
        byte[] png = ScreenshotHttp.png(300, 300);
        String id = screenshots.uploaded(CAROL, "image/png", png);

        assertThat(screenshots.download(ERIN, "/screenshots/" + id).body()).isEqualTo(png);
        assertThat(screenshots.download(FRANK, "/screenshots/" + id + "/medium").status()).isEqualTo(200);
    }

    /** Another freelancer and a client of no contract showing it get the same answer as for an id that does not exist. */
    @Test
    void othersAreToldTheScreenshotDoesNotExist() {
        String id = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(300, 300));
        Response unknown = screenshots.download(DAVE, "/screenshots/" + "0".repeat(64));

        for (String path : new String[] {"/screenshots/" + id, "/screenshots/" + id + "/thumbnail"}) {
            for (DemoUser other : new DemoUser[] {DAVE, ALICE}) {
                Response response = screenshots.download(other, path);
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.json()).isEqualTo(unknown.json());
            }
        }
        Response notModified = screenshots.downloadIfNoneMatch(DAVE, "/screenshots/" + id, "\"" + id + "\"");
        assertThat(notModified.status()).isEqualTo(404);
        assertThat(unknown.json().path("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(unknown.json().path("rule").asString()).isEqualTo("screenshotId.unknown");
    }

    @Test
    void malformedIdsAndUnknownVariantsAreNotFound() {
        String id = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(100, 100));

        assertThat(screenshots.download(CAROL, "/screenshots/" + id.toUpperCase()).status()).isEqualTo(404);
        assertThat(screenshots.download(CAROL, "/screenshots/not-a-hash").status()).isEqualTo(404);
        assertThat(screenshots.download(CAROL, "/screenshots/" + id + "/original").status()).isEqualTo(404);
        assertThat(screenshots.download(CAROL, "/screenshots/" + id + "/large").status()).isEqualTo(404);
    }

    @Test
    void anUnauthenticatedDownloadIsRefused() {
        String id = screenshots.uploaded(CAROL, "image/png", ScreenshotHttp.png(100, 100));

        assertThat(screenshots.anonymous(screenshots.request("/screenshots/" + id).GET()).status()).isEqualTo(401);
    }

    private static void assertSize(BufferedImage image, int width, int height) {
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }
}
