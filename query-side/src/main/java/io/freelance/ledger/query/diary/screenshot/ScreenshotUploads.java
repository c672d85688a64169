package io.freelance.ledger.query.diary.screenshot;

import io.freelance.ledger.query.diary.screenshot.StoredScreenshot.StoredImage;
import io.freelance.ledger.query.readstore.ReadStoreDurability;
import java.io.IOException;
import java.io.InputStream;

/**
 * One upload, in the order that costs least when it is refused: the declared type and length (nothing
 * read yet), the body spooled to disk under the byte cap, the real format from its first bytes, the
 * hash looked up (bytes already stored are not decoded again), then the decode under the pixel cap and
 * budget, the derived images, and the store.
 */
final class ScreenshotUploads {

    private final ScreenshotProperties properties;
    private final ImageDecoder decoder;
    private final ScreenshotStore store;
    private final ReadStoreDurability durability;

    ScreenshotUploads(ScreenshotProperties properties, ImageDecoder decoder, ScreenshotStore store, ReadStoreDurability durability) {
        this.properties = properties;
        this.decoder = decoder;
        this.store = store;
        this.durability = durability;
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when the body is sent in chunks
     */
    ScreenshotStore.Outcome upload(String uploaderId, String contentType, long declaredLength, InputStream body) throws IOException {
        ImageFormat declared = ImageFormat.ofMediaType(contentType)
                .orElseThrow(() -> ScreenshotRefusal.unsupportedContentType(contentType));
        long maxBytes = properties.maxBytes().toBytes();
        if (declaredLength > maxBytes) {
            throw ScreenshotRefusal.tooLarge(maxBytes);
        }
        try (SpooledBody spooled = SpooledBody.spool(body, maxBytes, properties.spoolDirectory())) {
            ImageFormat actual = checkedFormat(spooled, declared);
            var stored = store.find(spooled.sha256());
            ScreenshotStore.Outcome outcome = stored.isPresent()
                    ? store.addUploader(stored.get(), uploaderId)
                    : decodedAndStored(uploaderId, spooled, actual);
            // A repeat too: its answer may overtake the racing upload that stored these bytes or added this uploader,
            // and it must not be acknowledged before that is on disk. With nothing new this costs next to nothing.
            durability.makeDurable();
            return outcome;
        }
    }

    private static ImageFormat checkedFormat(SpooledBody spooled, ImageFormat declared) {
        if (spooled.bytes() == 0) {
            throw ScreenshotRefusal.empty();
        }
        ImageFormat actual = ImageFormat.ofContent(spooled.head()).orElseThrow(() -> ScreenshotRefusal.notAnImage(declared));
        if (actual != declared) {
            throw ScreenshotRefusal.typeMismatch(declared, actual);
        }
        return actual;
    }

    private ScreenshotStore.Outcome decodedAndStored(String uploaderId, SpooledBody spooled, ImageFormat format) throws IOException {
        try (ImageDecoder.Decoded decoded = decoder.decode(spooled.file(), format)) {
            DerivedImages.Derived derived = DerivedImages.of(decoded.image());
            StoredImage original = new StoredImage(null, format.mediaType(), spooled.bytes(), decoded.width(), decoded.height());
            return store.save(new ScreenshotStore.NewScreenshot(spooled.sha256(), uploaderId, spooled.file(), original,
                    derived.medium(), derived.thumbnail()));
        }
    }
}
