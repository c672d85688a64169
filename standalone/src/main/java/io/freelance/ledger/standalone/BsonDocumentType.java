package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded read store keeps a document in its file: as BSON, the bytes the wire protocol already
 * uses, behind a one-byte tag.
 * <p>
 * Why: mongo-java-server's H2 backend stores documents with H2's default value type, which writes each one
 * with Java serialization, and H2 writes a whole page of documents again whenever one of them changes. In a
 * profile of the service under load, Java serialization of read-model documents (writing pages, reading
 * them back after the cache let them go) took a tenth of all CPU.
 * <p>
 * Files written before keep their values: a value H2's default type wrote starts with its own tag (19, a
 * serialized object) and is read by that type, so a file is upgraded page by page as pages are rewritten.
 * A document BSON cannot carry (a value type the wire protocol has no code for, which the server never
 * receives from a client) is written the old way rather than failing the commit.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Unused by H2's {@link ObjectDataType}, whose tags are 0–14, 19 and 32 and up. */
    static final byte BSON_TAG = 20;

    private static final int SCRATCH_BYTES = 8 * 1024;
    private static final int MAXIMUM_KEPT_SCRATCH_BYTES = 1024 * 1024;

    private final ObjectDataType javaSerialized = new ObjectDataType();
    /** The bytes of one document while it is encoded; pages are written by several threads. */
    private final ThreadLocal<ByteBuf> scratch = ThreadLocal.withInitial(() -> Unpooled.buffer(SCRATCH_BYTES));

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = scratch.get();
        encoded.clear();
        try {
            DocumentBsonEncoder.encodeDocument(document, encoded);
        } catch (RuntimeException notBson) {
            javaSerialized.write(buffer, document);
            return;
        }
        buffer.put(BSON_TAG);
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
        if (encoded.capacity() > MAXIMUM_KEPT_SCRATCH_BYTES) {
            // A large document (a GridFS chunk) once should not pin its buffer to the thread for good.
            scratch.remove();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return (Document) javaSerialized.read(buffer);
        }
        int start = buffer.position() + 1;
        // BSON opens with its own length, little-endian, the length field included.
        int length = (buffer.get(start) & 0xff) | (buffer.get(start + 1) & 0xff) << 8
                | (buffer.get(start + 2) & 0xff) << 16 | (buffer.get(start + 3) & 0xff) << 24;
        ByteBuffer bson = buffer.duplicate();
        bson.position(start).limit(start + length);
        buffer.position(start + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The document's approximate size in the heap: what H2 counts against its cache and its page size. */
    @Override
    public int getMemory(Document document) {
        return HeapEstimate.of(document);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Rough heap sizes of the value types documents hold; exact enough to size pages and the cache. */
    static final class HeapEstimate {

        private static final int OBJECT = 16;
        private static final int MAP = 64;
        private static final int MAP_ENTRY = 40;
        private static final int STRING = 40;
        private static final int LIST = 40;
        private static final int REFERENCE = 8;
        private static final int OTHER = 32;

        private HeapEstimate() {
        }

        static int of(Object value) {
            if (value instanceof Map<?, ?> map) {
                int bytes = MAP;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    bytes += MAP_ENTRY + of(entry.getKey()) + of(entry.getValue());
                }
                return bytes;
            }
            if (value instanceof String text) {
                return STRING + text.length();
            }
            if (value instanceof List<?> list) {
                int bytes = LIST + REFERENCE * list.size();
                for (Object element : list) {
                    bytes += of(element);
                }
                return bytes;
            }
            if (value instanceof BinData binary) {
                return OTHER + binary.getData().length;
            }
            if (value instanceof Number || value instanceof Boolean) {
                return OBJECT;
            }
            return OTHER;
        }
    }
}
