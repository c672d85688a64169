package io.freelance.ledger.query.diary.screenshot;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.diary.screenshot.StoredScreenshot.StoredImage;
import io.freelance.ledger.query.readstore.DuplicateKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Screenshots once per content hash. The images go to GridFS first, each under new file ids; then one
 * document in {@code screenshot_records}, keyed by the hash, claims them. That insert is the moment a
 * screenshot exists: two uploads of the same bytes racing (on this instance or another) both write
 * their files, one insert wins, and the loser deletes only its own files. A crash between the files and
 * the claim leaves unclaimed files (never a half screenshot), and the note of the save that wrote them,
 * by which {@link AbandonedScreenshotUploads} deletes them later. Lookups are by {@code _id} only.
 */
final class ScreenshotStore {

    static final String RECORDS = "screenshot_records";

    private final MongoCollection<Document> records;
    private final ScreenshotFiles files;
    private final Clock clock;

    ScreenshotStore(MongoDatabase database, ScreenshotFiles files, Clock clock) {
        this.records = database.getCollection(RECORDS);
        this.files = files;
        this.clock = clock;
    }

    /** A screenshot as stored, and whether the uploader had not sent these bytes before. */
    record Outcome(StoredScreenshot screenshot, boolean newToUploader) {
    }

    /** An upload checked and decoded, ready to store. */
    record NewScreenshot(String screenshotId, String uploaderId, Path originalFile, StoredImage original,
                         DerivedImages.EncodedImage medium, DerivedImages.EncodedImage thumbnail) {
    }

    Optional<StoredScreenshot> find(String screenshotId) {
        return Optional.ofNullable(records.find(eq("_id", screenshotId)).first()).map(ScreenshotStore::fromDocument);
    }

    /**
     * Records another uploader of bytes already stored; new to them only for the one upload whose update added them,
     * so of several uploads of the same bytes by one freelancer racing each other, exactly one is answered as new.
     */
    Outcome addUploader(StoredScreenshot stored, String uploaderId) {
        if (stored.uploadedBy(uploaderId)) {
            return new Outcome(stored, false);
        }
        boolean added = records.updateOne(eq("_id", stored.screenshotId()), Updates.addToSet("uploaderIds", uploaderId))
                .getModifiedCount() == 1;
        List<String> uploaders = new ArrayList<>(stored.uploaderIds());
        uploaders.add(uploaderId);
        return new Outcome(new StoredScreenshot(stored.screenshotId(), uploaders, stored.images()), added);
    }

    Outcome save(NewScreenshot screenshot) throws IOException {
        Map<ScreenshotVariant, ObjectId> fileIds = new EnumMap<>(ScreenshotVariant.class);
        for (ScreenshotVariant variant : ScreenshotVariant.values()) {
            fileIds.put(variant, new ObjectId());
        }
        ScreenshotFiles.UploadNote note = new ScreenshotFiles.UploadNote(new ObjectId(), screenshot.screenshotId(),
                List.copyOf(fileIds.values()));
        files.noteUpload(note, clock.instant());
        List<ObjectId> unclaimed = new ArrayList<>(note.fileIds());
        try {
            Map<ScreenshotVariant, StoredImage> images = new EnumMap<>(ScreenshotVariant.class);
            try (InputStream original = Files.newInputStream(screenshot.originalFile())) {
                images.put(ScreenshotVariant.ORIGINAL, upload(screenshot, screenshot.original(), ScreenshotVariant.ORIGINAL,
                        fileIds.get(ScreenshotVariant.ORIGINAL), original));
            }
            for (DerivedImages.EncodedImage derived : List.of(screenshot.medium(), screenshot.thumbnail())) {
                StoredImage image = new StoredImage(null, DerivedImages.CONTENT_TYPE, derived.bytes().length, derived.width(), derived.height());
                images.put(derived.variant(), upload(screenshot, image, derived.variant(), fileIds.get(derived.variant()),
                        new ByteArrayInputStream(derived.bytes())));
            }
            StoredScreenshot stored = new StoredScreenshot(screenshot.screenshotId(), List.of(screenshot.uploaderId()), images);
            records.insertOne(toDocument(stored));
            unclaimed.clear(); // claimed by the record now
            return new Outcome(stored, true);
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            unclaimed.forEach(files::delete);
            unclaimed.clear();
            StoredScreenshot winner = find(screenshot.screenshotId())
                    .orElseThrow(() -> new IllegalStateException("Screenshot " + screenshot.screenshotId() + " was claimed and is gone"));
            return addUploader(winner, screenshot.uploaderId());
        } finally {
            // Any other failure (the record not written): leave no files that no record claims.
            unclaimed.removeIf(this::deletedQuietly);
            if (unclaimed.isEmpty()) {
                // Otherwise the note stays, and the sweep deletes what could not be deleted here.
                files.finishUpload(note.uploadId());
            }
        }
    }

    private StoredImage upload(NewScreenshot screenshot, StoredImage image, ScreenshotVariant variant, ObjectId fileId,
                               InputStream content) {
        Document metadata = new Document("screenshotId", screenshot.screenshotId())
                .append("variant", variant.key())
                .append("uploaderId", screenshot.uploaderId())
                .append("contentType", image.contentType())
                .append("width", image.width())
                .append("height", image.height());
        files.upload(fileId, screenshot.screenshotId() + "/" + variant.key(), content, metadata);
        return new StoredImage(fileId, image.contentType(), image.bytes(), image.width(), image.height());
    }

    private boolean deletedQuietly(ObjectId fileId) {
        try {
            files.delete(fileId);
            return true;
        } catch (RuntimeException ignored) {
            // Best effort after a failure that is already being reported; the note keeps the file for the sweep.
            return false;
        }
    }

    private static Document toDocument(StoredScreenshot screenshot) {
        Document images = new Document();
        screenshot.images().forEach((variant, image) -> images.append(variant.key(), new Document("fileId", image.fileId())
                .append("contentType", image.contentType())
                .append("bytes", image.bytes())
                .append("width", image.width())
                .append("height", image.height())));
        return new Document("_id", screenshot.screenshotId())
                .append("uploaderIds", screenshot.uploaderIds())
                .append("storedAt", new Date())
                .append("images", images);
    }

    private static StoredScreenshot fromDocument(Document document) {
        Map<ScreenshotVariant, StoredImage> images = new EnumMap<>(ScreenshotVariant.class);
        Document stored = document.get("images", Document.class);
        for (ScreenshotVariant variant : ScreenshotVariant.values()) {
            Document image = stored.get(variant.key(), Document.class);
            images.put(variant, new StoredImage(image.getObjectId("fileId"), image.getString("contentType"),
                    image.get("bytes", Number.class).longValue(), image.getInteger("width"), image.getInteger("height")));
        }
        return new StoredScreenshot(document.getString("_id"), document.getList("uploaderIds", String.class), images);
    }
}
