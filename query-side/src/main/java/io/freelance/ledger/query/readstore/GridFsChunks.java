package io.freelance.ledger.query.readstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.IOException;
import java.io.OutputStream;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * A GridFS bucket's chunks read and deleted one by one by their exact key {@code {files_id, n}}. The embedded read
 * store serves that form from the unique index GridFS creates, but scans every chunk of every file for the driver's
 * own {@code files_id} (and {@code n >= …}) queries, which its download stream and delete use. On a real MongoDB
 * both forms use the index; the exact one costs a round trip per chunk, for one code path on both stores.
 */
public final class GridFsChunks {

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;

    /** The chunks of {@code bucket}, whose collections in {@code database} are {@code <name>.files} and {@code <name>.chunks}. */
    public GridFsChunks(GridFSBucket bucket, MongoDatabase database) {
        this.bucket = bucket;
        this.files = database.getCollection(bucket.getBucketName() + ".files");
        this.chunks = database.getCollection(bucket.getBucketName() + ".chunks");
    }

    /** Writes the file's bytes to {@code out}, one chunk in memory at a time. */
    public void copy(Object fileId, OutputStream out) throws IOException {
        GridFSFile file = bucket.find(eq("_id", fileId)).first();
        if (file == null) {
            throw new IllegalStateException("GridFS file " + fileId + " of bucket " + bucket.getBucketName() + " is missing");
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

    /**
     * Deletes the file's document and its chunks, from the first until one is missing: GridFS writes them in order,
     * so a file cut off by a crash has a prefix of them.
     */
    public void delete(Object fileId) {
        files.deleteOne(eq("_id", fileId));
        int n = 0;
        while (chunks.deleteOne(chunkKey(fileId, n)).getDeletedCount() == 1) {
            n++;
        }
    }

    /**
     * Deletes the file's document and its first {@code chunkCount} chunks, present or not: for a writer that knows how
     * many it wrote, where a sweep may already have deleted the first of them and left a gap.
     */
    public void delete(Object fileId, long chunkCount) {
        files.deleteOne(eq("_id", fileId));
        for (int n = 0; n < chunkCount; n++) {
            chunks.deleteOne(chunkKey(fileId, n));
        }
    }

    private byte[] chunk(Object fileId, int n) {
        Document chunk = chunks.find(chunkKey(fileId, n)).first();
        if (chunk == null) {
            throw new IllegalStateException("Chunk " + n + " of GridFS file " + fileId + " is missing");
        }
        return chunk.get("data", Binary.class).getData();
    }

    /** Exactly these two keys, in this order: the form the embedded store serves from its unique index. */
    private static Document chunkKey(Object fileId, int n) {
        return new Document("files_id", fileId).append("n", n);
    }
}
