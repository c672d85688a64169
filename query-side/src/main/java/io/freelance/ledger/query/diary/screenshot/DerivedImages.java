package io.freelance.ledger.query.diary.screenshot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * The medium image and the thumbnail of a decoded screenshot, scaled by Thumbnailator and encoded as
 * JPEG (small for any content; screenshots need no transparency, so alpha is flattened). The thumbnail
 * is scaled from the medium image: as sharp at its size, and far cheaper than from a 4K original.
 */
final class DerivedImages {

    static final String CONTENT_TYPE = ImageFormat.JPEG.mediaType();
    private static final double JPEG_QUALITY = 0.85;

    private DerivedImages() {
    }

    /** An encoded image small enough to hold in memory (at most 1024 × 768 pixels). */
    record EncodedImage(ScreenshotVariant variant, byte[] bytes, int width, int height) {
    }

    record Derived(EncodedImage medium, EncodedImage thumbnail) {
    }

    static Derived of(BufferedImage original) {
        try {
            BufferedImage medium = fitted(original, ScreenshotVariant.MEDIUM);
            BufferedImage thumbnail = fitted(medium, ScreenshotVariant.THUMBNAIL);
            return new Derived(encoded(medium, ScreenshotVariant.MEDIUM), encoded(thumbnail, ScreenshotVariant.THUMBNAIL));
        } catch (IOException e) {
            // Scaling and encoding in memory read no input that could be damaged: this is the service's failure.
            throw new UncheckedIOException("Scaling a decoded screenshot failed", e);
        }
    }

    private static BufferedImage fitted(BufferedImage image, ScreenshotVariant variant) throws IOException {
        boolean fits = image.getWidth() <= variant.maxWidth() && image.getHeight() <= variant.maxHeight();
        Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).imageType(BufferedImage.TYPE_INT_RGB);
        // Thumbnailator's size() would enlarge a smaller image to fill the box; a screenshot is never enlarged.
        return (fits ? builder.scale(1.0) : builder.size(variant.maxWidth(), variant.maxHeight())).asBufferedImage();
    }

    private static EncodedImage encoded(BufferedImage image, ScreenshotVariant variant) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Thumbnails.of(image).scale(1.0).outputFormat("jpg").outputQuality(JPEG_QUALITY).toOutputStream(bytes);
        return new EncodedImage(variant, bytes.toByteArray(), image.getWidth(), image.getHeight());
    }
}
