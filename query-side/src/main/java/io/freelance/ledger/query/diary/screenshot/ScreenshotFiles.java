package io.freelance.ledger.query.diary.screenshot;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * The images' bytes in the GridFS bucket {@code screenshots} ({@code screenshots.files} and
 * {@code screenshots.chunks}, in the read-model database): written through the driver's GridFS
 * upload, which splits a stream into 255 KiB chunks as it reads it.
 * <p>
 * Reading fetches chunk after chunk by its exact key {@code {files_id, n}} instead of through the
 * driver's download stream, which asks for {@code n: {$gte: …}}: the embedded read store answers an
 * exact match on the unique {@code files_id_1_n_1} index that GridFS creates, but scans every chunk
 * of every screenshot for the range query. On a real MongoDB both use the index; the exact form costs
 * one round trip per chunk (40 for a 10 MB original), for one code path on both stores. Deleting
 * goes the same way, chunk by chunk from the first until one is missing.
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
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final MongoCollection<Document> uploading;

    ScreenshotFiles(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.files = database.getCollection(BUCKET + ".files");
        this.chunks = database.getCollection(BUCKET + ".chunks");
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

    /**
     * Deletes the file's document and its chunks, from the first until one is missing: GridFS writes them in order,
     * so a file cut off by a crash has a prefix of them. The driver's own delete asks for {@code files_id} alone,
     * which the embedded store answers by scanning every chunk stored.
     */
    void delete(ObjectId fileId) {
        files.deleteOne(eq("_id", fileId));
        int n = 0;
        while (chunks.deleteOne(chunkKey(fileId, n)).getDeletedCount() == 1) {
            n++;
        }
    }

    /** Writes the file's bytes to {@code out}, one chunk in memory at a time. */
    void copy(ObjectId fileId, OutputStream out) throws IOException {
        GridFSFile file = bucket.find(eq("_id", fileId)).first();
        if (file == null) {
            throw new IllegalStateException("GridFS file " + fileId + " of a stored screenshot is missing");
        }
        long remaining = file.getLength();
        int chunkSize = file.getChunkSize();
        for (int n = 0; remaining > 0; n++) {
            byte[] data = chunk(fileId, n);
            int expected = (int) Math.min(chunkSize, remaining);
            if (data.length != expected) {
                throw new IllegalStateException("Chunk " + n + " of GridFS file " + fileId + " holds " + data.length
                        + " bytes where " + expected + " belong");
            }
            out.write(data);
            remaining -= data.length;
        }
    }

    private byte[] chunk(ObjectId fileId, int n) {
        Document chunk = chunks.find(chunkKey(fileId, n)).first();
        if (chunk == null) {
            throw new IllegalStateException("Chunk " + n + " of GridFS file " + fileId + " is missing");
        }
        return chunk.get("data", Binary.class).getData();
    }

    /** Exactly these two keys, in this order: the form the embedded store serves from its unique index. */
    private static Document chunkKey(ObjectId fileId, int n) {
        return new Document("files_id", fileId).append("n", n);
    }
}
