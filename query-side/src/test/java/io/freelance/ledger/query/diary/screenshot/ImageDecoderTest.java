package io.freelance.ledger.query.diary.screenshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    private static final long BUDGET_PIXELS = 4_000_000;

    @TempDir
    Path directory;

    private final DecodeBudget budget = new DecodeBudget(BUDGET_PIXELS, Duration.ofMillis(200));
    private final ImageDecoder decoder = new ImageDecoder(2_000_000, budget);

    @Test
    void aDecodedImageHoldsItsPixelsOfTheBudgetUntilClosed() throws Exception {
        try (ImageDecoder.Decoded decoded = decoder.decode(file(TestImages.jpeg(640, 480, 1)), ImageFormat.JPEG)) {
            assertThat(decoded.width()).isEqualTo(640);
            assertThat(decoded.height()).isEqualTo(480);
            assertThat(budget.available()).isEqualTo(BUDGET_PIXELS - 640 * 480);
        }
        assertThat(budget.available()).isEqualTo(BUDGET_PIXELS);
    }

    @Test
    void anImageClaimingTooManyPixelsIsRefusedFromItsHeaderAlone() throws Exception {
        byte[] bomb = TestImages.pngClaiming(TestImages.png(64, 64, 2), 50_000, 50_000);

        assertThatThrownBy(() -> decoder.decode(file(bomb), ImageFormat.PNG))
                .isInstanceOfSatisfying(ScreenshotRefusal.class, refusal -> {
                    assertThat(refusal.status().value()).isEqualTo(413);
                    assertThat(refusal.error().rule()).isEqualTo("body.too-many-pixels");
                });
        assertThat(budget.available()).isEqualTo(BUDGET_PIXELS);
    }

    @Test
    void aTruncatedPngIsCorrupt() throws Exception {
        assertCorrupt(TestImages.truncated(TestImages.png(400, 300, 3)), ImageFormat.PNG);
    }

    /** TwelveMonkeys fills a truncated JPEG with grey and only warns; a screenshot must be whole. */
    @Test
    void aTruncatedJpegIsCorrupt() throws Exception {
        assertCorrupt(TestImages.truncated(TestImages.jpeg(400, 300, 4)), ImageFormat.JPEG);
    }

    @Test
    void aDecodeThatFindsNoShareOfTheBudgetInTimeIsAnsweredBusy() throws Exception {
        try (DecodeBudget.Share ignored = budget.acquire(BUDGET_PIXELS)) {
            assertThatThrownBy(() -> decoder.decode(file(TestImages.png(100, 100, 5)), ImageFormat.PNG))
                    .isInstanceOfSatisfying(ScreenshotRefusal.class,
                            refusal -> assertThat(refusal.status().value()).isEqualTo(503));
        }
    }

    private void assertCorrupt(byte[] image, ImageFormat format) throws Exception {
        assertThatThrownBy(() -> decoder.decode(file(image), format))
                .isInstanceOfSatisfying(ScreenshotRefusal.class, refusal -> {
                    assertThat(refusal.status().value()).isEqualTo(400);
                    assertThat(refusal.error().field()).isEqualTo("body");
                    assertThat(refusal.error().rule()).isEqualTo("body.corrupt");
                });
        assertThat(budget.available()).isEqualTo(BUDGET_PIXELS);
    }

    private Path file(byte[] content) throws Exception {
        return Files.write(Files.createTempFile(directory, "image", ".bin"), content);
    }
}
