package io.freelance.ledger.query.messaging.attachment;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Attachments' bytes and metadata in the GridFS bucket {@code attachments} ({@code attachments.files},
 * {@code attachments.chunks}, in the read-model database). The file's id is the attachment's id, and everything
 * known about the attachment is in the file's {@code metadata}, so there is one document per attachment.
 * <p>
 * A file exists for readers once its metadata holds the checksum: GridFS writes the file document when the
 * upload stream closes, and the checksum and size are set just after. A crash in between leaves a file no
 * reader sees (space, never a half attachment).
 * <p>
 * Chunks are read and deleted one by one by their exact key {@code {files_id, n}}: the embedded read store
 * serves that from the unique index GridFS creates but scans every chunk of every file for the driver's
 * {@code files_id} (and {@code n >= …}) queries. On a real MongoDB both forms use the index.
 */
final class AttachmentFiles {

    static final String BUCKET = "attachments";
    /** GridFS's own default: what an upload or a download holds in memory at a time, beside its copy buffer. */
    static final int CHUNK_BYTES = 255 * 1024;

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;

    AttachmentFiles(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.files = database.getCollection(BUCKET + ".files");
        this.chunks = database.getCollection(BUCKET + ".chunks");
    }

    /** What is known of an upload before its bytes are read. */
    record NewUpload(String attachmentId, String fileName, String contentType, String declaredContentType,
                     String uploaderId, Instant uploadedAt) {
    }

    /** A GridFS upload stream for the new file: it holds one chunk in memory and writes each as it fills. */
    GridFSUploadStream open(NewUpload upload) {
        Document metadata = new Document("uploaderId", upload.uploaderId())
                .append("contentType", upload.contentType())
                .append("declaredContentType", upload.declaredContentType())
                .append("uploadedAt", Date.from(upload.uploadedAt()))
                .append("attachedTo", new ArrayList<Document>());
        return bucket.openUploadStream(new BsonString(upload.attachmentId()), upload.fileName(),
                new GridFSUploadOptions().chunkSizeBytes(CHUNK_BYTES).metadata(metadata));
    }

    /** After the stream is closed: the checksum and size that make the file an attachment. */
    void complete(String attachmentId, String sha256, long sizeBytes) {
        files.updateOne(eq("_id", attachmentId), Updates.combine(
                Updates.set("metadata.sha256", sha256), Updates.set("metadata.sizeBytes", sizeBytes)));
    }

    /**
     * Deletes what an upload stream left unclosed has written: its chunks so far (the stream writes no file
     * document until it is closed, so there is none). Used instead of the stream's own abort, which deletes by
     * {@code files_id} alone: on the embedded store that scans every chunk stored.
     */
    void discard(String attachmentId, long bytesWritten) {
        long chunksWritten = bytesWritten / CHUNK_BYTES + 1; // one more than filled: harmless when absent
        for (int n = 0; n < chunksWritten; n++) {
            chunks.deleteOne(new Document("files_id", attachmentId).append("n", n));
        }
    }

    Optional<StoredAttachment> find(String attachmentId) {
        return Optional.ofNullable(bucket.find(eq("_id", attachmentId)).first())
                .filter(file -> file.getMetadata() != null && file.getMetadata().containsKey("sha256"))
                .map(AttachmentFiles::fromFile);
    }

    /** Records that a message carries the attachment; repeating it changes nothing. */
    void markAttached(String attachmentId, String roomId, String storyId) {
        files.updateOne(eq("_id", attachmentId), Updates.addToSet("metadata.attachedTo",
                new Document("roomId", roomId).append("storyId", storyId)));
    }

    /** Records that a message no longer carries the attachment (it was removed); repeating it changes nothing. */
    void markDetached(String attachmentId, String roomId, String storyId) {
        files.updateOne(eq("_id", attachmentId), Updates.pull("metadata.attachedTo",
                new Document("roomId", roomId).append("storyId", storyId)));
    }

    /** Writes the file's bytes to {@code out}, one chunk in memory at a time. */
    void copy(String attachmentId, OutputStream out) throws IOException {
        GridFSFile file = bucket.find(eq("_id", attachmentId)).first();
        if (file == null) {
            throw new IllegalStateException("GridFS file " + attachmentId + " of a stored attachment is missing");
        }
        long remaining = file.getLength();
        int chunkSize = file.getChunkSize();
        for (int n = 0; remaining > 0; n++) {
            byte[] data = chunk(attachmentId, n);
            int expected = (int) Math.min(chunkSize, remaining);
            if (data.length != expected) {
                throw new IllegalStateException("Chunk " + n + " of GridFS file " + attachmentId + " holds " + data.length
                        + " bytes where " + expected + " belong");
            }
            out.write(data);
            remaining -= data.length;
        }
    }

    private byte[] chunk(String attachmentId, int n) {
        // Exactly these two keys, in this order: the form the embedded store serves from its unique index.
        Document chunk = chunks.find(new Document("files_id", attachmentId).append("n", n)).first();
        if (chunk == null) {
            throw new IllegalStateException("Chunk " + n + " of GridFS file " + attachmentId + " is missing");
        }
        return chunk.get("data", Binary.class).getData();
    }

    private static StoredAttachment fromFile(GridFSFile file) {
        Document metadata = file.getMetadata();
        List<StoredAttachment.AttachedTo> attachedTo = metadata.getList("attachedTo", Document.class, List.of()).stream()
                .map(to -> new StoredAttachment.AttachedTo(to.getString("roomId"), to.getString("storyId")))
                .toList();
        return new StoredAttachment(file.getId().asString().getValue(), file.getFilename(), metadata.getString("contentType"),
                metadata.getString("declaredContentType"), metadata.get("sizeBytes", Number.class).longValue(),
                metadata.getString("sha256"), metadata.getString("uploaderId"), metadata.getDate("uploadedAt").toInstant(),
                attachedTo);
    }
}
