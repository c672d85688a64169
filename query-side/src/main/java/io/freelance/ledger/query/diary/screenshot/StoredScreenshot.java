package io.freelance.ledger.query.diary.screenshot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;

/**
 * A screenshot as stored, once per content hash: who uploaded these bytes (everyone who did, so each
 * may see what they sent), and where each of its images lies in GridFS.
 *
 * @param screenshotId the SHA-256 of the original bytes, lower-case hex
 * @param uploaderIds  the freelancers who uploaded these exact bytes, the first one first
 */
public record StoredScreenshot(String screenshotId, List<String> uploaderIds, Map<ScreenshotVariant, StoredImage> images) {

    public StoredScreenshot {
        uploaderIds = List.copyOf(uploaderIds);
        images = Map.copyOf(images);
    }

    public StoredImage original() {
        return image(ScreenshotVariant.ORIGINAL);
    }

    public StoredImage image(ScreenshotVariant variant) {
        StoredImage image = images.get(variant);
        if (image == null) {
            throw new IllegalStateException("Screenshot " + screenshotId + " has no " + variant.key() + " image");
        }
        return image;
    }

    /** The GridFS files of its images: what its record claims. */
    public Set<ObjectId> fileIds() {
        return images.values().stream().map(StoredImage::fileId).collect(Collectors.toSet());
    }

    public boolean uploadedBy(String userId) {
        return uploaderIds.contains(userId);
    }

    /** One image of a screenshot: its GridFS file and what a download's headers say about it. */
    public record StoredImage(ObjectId fileId, String contentType, long bytes, int width, int height) {
    }
}
