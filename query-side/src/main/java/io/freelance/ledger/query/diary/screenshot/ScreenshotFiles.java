package io.freelance.ledger.query.diary.screenshot;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * one round trip per chunk (40 for a 10 MB original), for one code path on both stores.
 */
final class ScreenshotFiles {

    static final String BUCKET = "screenshots";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> chunks;

    ScreenshotFiles(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.chunks = database.getCollection(BUCKET + ".chunks");
    }

    /** Stores the stream's bytes as a new GridFS file and answers its id. */
    ObjectId upload(String filename, InputStream content, Document metadata) {
        return bucket.uploadFromStream(filename, content, new GridFSUploadOptions().metadata(metadata));
    }

    void delete(ObjectId fileId) {
        bucket.delete(fileId);
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
        // Exactly these two keys, in this order: the form the embedded store serves from its unique index.
        Document chunk = chunks.find(new Document("files_id", fileId).append("n", n)).first();
        if (chunk == null) {
            throw new IllegalStateException("Chunk " + n + " of GridFS file " + fileId + " is missing");
        }
        return chunk.get("data", Binary.class).getData();
    }
}
