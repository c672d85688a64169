package io.freelance.ledger.query.messaging.attachment;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.readstore.GridFsChunks;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonString;
import org.bson.Document;

/**
 * Attachments' bytes and metadata in the GridFS bucket {@code attachments} ({@code attachments.files},
 * {@code attachments.chunks}, in the read-model database). The file's id is the attachment's id, and everything
 * known about the attachment is in the file's {@code metadata}, so there is one document per attachment.
 * <p>
 * A file exists for readers once its metadata holds the checksum: GridFS writes the file document when the
 * upload stream closes, and the checksum and size are set just after. A crash in between leaves a file no
 * reader sees (never a half attachment).
 * <p>
 * Every upload is also noted in {@code attachments.uploading} before its first chunk is written, and the note
 * is deleted once the upload is complete, before it is answered. A note left behind therefore marks an upload
 * that was never acknowledged: one cut off by a crash, whose chunks no file document claims.
 * {@link AbandonedUploads} finds such notes and deletes what they mark, so a crash costs no space for good.
 * <p>
 * Chunks are read and deleted one by one by their exact key ({@link GridFsChunks}), which the embedded read store
 * serves from an index, unlike the driver's own download and delete queries.
 */
final class AttachmentFiles {

    static final String BUCKET = "attachments";
    /** GridFS's own default: what an upload or a download holds in memory at a time, beside its copy buffer. */
    static final int CHUNK_BYTES = 255 * 1024;
    static final String UPLOADING = BUCKET + ".uploading";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final GridFsChunks gridFs;
    private final MongoCollection<Document> uploading;

    AttachmentFiles(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.files = database.getCollection(BUCKET + ".files");
        this.gridFs = new GridFsChunks(bucket, database);
        this.uploading = database.getCollection(UPLOADING);
    }

    /** What is known of an upload before its bytes are read. */
    record NewUpload(String attachmentId, String fileName, String contentType, String declaredContentType,
                     String uploaderId, Instant uploadedAt) {
    }

    /**
     * A GridFS upload stream for the new file: it holds one chunk in memory and writes each as it fills. The upload
     * is noted as under way first, so a crash that cuts it off leaves the note beside its chunks.
     */
    GridFSUploadStream open(NewUpload upload) {
        uploading.insertOne(new Document("_id", upload.attachmentId()).append("startedAt", Date.from(upload.uploadedAt())));
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
     * The upload is complete: its note is deleted. False when the note was gone already, because the upload ran so
     * long that {@link AbandonedUploads} took it for one cut off and deleted what it had written.
     */
    boolean finish(String attachmentId) {
        return uploading.deleteOne(eq("_id", attachmentId)).getDeletedCount() == 1;
    }

    /**
     * Deletes what an upload left unfinished has written: its chunks so far, its file document if the stream was
     * closed, and then its note. Used instead of the stream's own abort, which deletes by {@code files_id} alone: on
     * the embedded store that scans every chunk stored.
     */
    void discard(String attachmentId, long bytesWritten) {
        gridFs.delete(attachmentId, bytesWritten / CHUNK_BYTES + 1); // one more than filled: harmless when absent
        uploading.deleteOne(eq("_id", attachmentId));
    }

    /** The uploads noted as under way since before {@code cutoff}, oldest first. */
    List<String> uploadsStartedBefore(Instant cutoff) {
        List<String> ids = new ArrayList<>();
        uploading.find(Filters.lt("startedAt", Date.from(cutoff))).forEach(note -> ids.add(note.getString("_id")));
        return ids;
    }

    /**
     * Deletes everything of an upload that was never finished, whose size is unknown: its note first (so an upload
     * still running learns, when it finishes, that it was taken for abandoned), then its file document and the
     * chunks a crash kept. False when another sweep took the note first.
     */
    boolean discardAbandoned(String attachmentId) {
        if (uploading.deleteOne(eq("_id", attachmentId)).getDeletedCount() == 0) {
            return false;
        }
        gridFs.delete(attachmentId);
        return true;
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
        gridFs.copy(attachmentId, out);
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
