package io.freelance.ledger.query.diary.screenshot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledger.screenshots.*}: the limits of screenshot uploads.
 *
 * @param maxBytes             the largest body accepted; the server reads at most one byte more before it refuses
 * @param maxPixels            the most pixels (width × height) one image may have; checked from the image's
 *                             header before any pixel is decoded, so a small file that claims a huge canvas
 *                             (a decompression bomb) costs nothing
 * @param concurrentDecodePixels the most pixels decoded at once across all uploads: decoded images cost about
 *                             4 bytes a pixel, so the default (32 million, about 130 MB with the scaling
 *                             buffers) keeps a service at {@code -Xmx512m} clear of its heap limit
 * @param decodeWait           how long an upload waits for its share of that budget before it is answered 503
 * @param spoolDirectory       where bodies are written while they are checked (the system's temporary
 *                             directory when unset); each file is deleted once its upload is answered
 * @param abandonedAfter       how old what a crash cut off must be before it is deleted: files a save wrote
 *                             that no record claims, and spooled bodies not written to for this long; swept
 *                             every sixth of this time. Far longer than a save or a pause in a body may take.
 */
@ConfigurationProperties("ledger.screenshots")
public record ScreenshotProperties(
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("24000000") long maxPixels,
        @DefaultValue("32000000") long concurrentDecodePixels,
        @DefaultValue("PT30S") Duration decodeWait,
        Path spoolDirectory,
        @DefaultValue("PT1H") Duration abandonedAfter) {

    public ScreenshotProperties {
        if (maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("ledger.screenshots.max-bytes must be at least 1 byte; it was " + maxBytes);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("ledger.screenshots.max-pixels must be at least 1; it was " + maxPixels);
        }
        if (concurrentDecodePixels < maxPixels || concurrentDecodePixels > Integer.MAX_VALUE) {
            // One image of the largest allowed size must fit in the budget, or it would wait forever.
            throw new IllegalArgumentException("ledger.screenshots.concurrent-decode-pixels must be between max-pixels ("
                    + maxPixels + ") and " + Integer.MAX_VALUE + "; it was " + concurrentDecodePixels);
        }
        if (decodeWait.isNegative() || decodeWait.isZero()) {
            throw new IllegalArgumentException("ledger.screenshots.decode-wait must be a positive duration; it was " + decodeWait);
        }
        if (abandonedAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ledger.screenshots.abandoned-after must be at least one second; it was " + abandonedAfter);
        }
        if (spoolDirectory == null) {
            spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        }
    }
}
