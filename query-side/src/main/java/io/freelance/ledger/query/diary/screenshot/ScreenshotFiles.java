package io.freelance.ledger.query.diary.screenshot;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import io.freelance.ledger.query.readstore.GridFsChunks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The images' bytes in the GridFS bucket {@code screenshots} ({@code screenshots.files} and
 * {@code screenshots.chunks}, in the read-model database): written through the driver's GridFS
 * upload, which splits a stream into 255 KiB chunks as it reads it.
 * <p>
 * Reading and deleting go chunk by chunk by exact key ({@link GridFsChunks}; 40 round trips for a 10 MB
 * original), which the embedded read store serves from an index, unlike the driver's own queries.
 * <p>
 * Every save is noted in {@code screenshots.uploading}, with the file ids it is about to write, before
 * its first chunk; the note is deleted once a record claims those files (or they are deleted again). A
 * note left behind marks files a crash cut off: {@link AbandonedScreenshotUploads} deletes the ones no
 * record claims.
 */
final class ScreenshotFiles {

    static final String BUCKET = "screenshots";
    static final String UPLOADING = BUCKET + ".uploading";

    private final GridFSBucket bucket;
    private final GridFsChunks gridFs;
    private final MongoCollection<Document> uploading;

    ScreenshotFiles(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.gridFs = new GridFsChunks(bucket, database);
        this.uploading = database.getCollection(UPLOADING);
    }

    /** A save under way: the files it writes, noted before the first of them. */
    record UploadNote(ObjectId uploadId, String screenshotId, List<ObjectId> fileIds) {
    }

    /** Notes that a save is about to write these files, so a crash in the middle leaves a trace of them. */
    void noteUpload(UploadNote note, Instant startedAt) {
        uploading.insertOne(new Document("_id", note.uploadId())
                .append("screenshotId", note.screenshotId())
                .append("fileIds", note.fileIds())
                .append("startedAt", Date.from(startedAt)));
    }

    /**
     * Deletes the note once everything it marks is claimed by a record or deleted again. False when it was gone
     * already: a sweep took the save, stalled past the abandoned age, for one cut off by a crash.
     */
    boolean finishUpload(ObjectId uploadId) {
        return uploading.deleteOne(eq("_id", uploadId)).getDeletedCount() == 1;
    }

    /** The saves noted as under way since before {@code cutoff}. */
    List<UploadNote> uploadsStartedBefore(Instant cutoff) {
        List<UploadNote> notes = new ArrayList<>();
        uploading.find(Filters.lt("startedAt", Date.from(cutoff))).forEach(note -> notes.add(new UploadNote(
                note.getObjectId("_id"), note.getString("screenshotId"), note.getList("fileIds", ObjectId.class))));
        return notes;
    }

    /** Stores the stream's bytes as the GridFS file {@code fileId}. */
    void upload(ObjectId fileId, String filename, InputStream content, Document metadata) {
        bucket.uploadFromStream(new BsonObjectId(fileId), filename, content, new GridFSUploadOptions().metadata(metadata));
    }

    /** Deletes the file's document and the chunks it has (a prefix of them, after a crash). */
    void delete(ObjectId fileId) {
        gridFs.delete(fileId);
    }

    /** Writes the file's bytes to {@code out}, one chunk in memory at a time. */
    void copy(ObjectId fileId, OutputStream out) throws IOException {
        gridFs.copy(fileId, out);
    }
}
