package io.freelance.ledger.query.diary.screenshot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The images kept of every screenshot: the original bytes as uploaded, and two smaller ones for the
 * Work Diary's screens (Upwork's {@code screenshotImageUrlMedium} and {@code screenshotImageThumbnail}),
 * each scaled to fit its box with the aspect ratio kept, never enlarged.
 */
public enum ScreenshotVariant {
    ORIGINAL(0, 0),
    MEDIUM(1024, 768),
    THUMBNAIL(200, 150);

    private final int maxWidth;
    private final int maxHeight;

    ScreenshotVariant(int maxWidth, int maxHeight) {
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    int maxWidth() {
        return maxWidth;
    }

    int maxHeight() {
        return maxHeight;
    }

    /** The lower-case name used in URLs and in stored documents. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The URL path of this variant of a screenshot, e.g. {@code /screenshots/<sha256>/medium}. */
    public String path(String screenshotId) {
        return "/screenshots/" + screenshotId + (this == ORIGINAL ? "" : "/" + key());
    }

    static Optional<ScreenshotVariant> ofKey(String key) {
        return Arrays.stream(values()).filter(variant -> variant != ORIGINAL && variant.key().equals(key)).findFirst();
    }
}
