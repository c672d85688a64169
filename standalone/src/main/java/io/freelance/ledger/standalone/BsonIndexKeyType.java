package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded read store orders and keeps the keys of a unique index (the {@code _id} index of every
 * collection among them): compared value by value, in MongoDB's order of values, and kept as BSON.
 * <p>
 * Why: with H2's default type a key is an opaque serializable object, which H2 orders by comparing the two
 * keys' Java serializations, serialized anew for every comparison: every lookup by {@code _id} serialized
 * two keys per level of the tree. The order differs, so an index written the old way is copied into this
 * order once, when it is first opened ({@link CopyingH2Database}).
 */
final class BsonIndexKeyType extends BasicDataType<KeyValue> {

    private static final String VALUES = "v";
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private final BsonDocumentType documents = new BsonDocumentType();
    private final ObjectDataType javaSerialized = new ObjectDataType();

    @Override
    public int compare(KeyValue first, KeyValue second) {
        int shared = Math.min(first.size(), second.size());
        for (int i = 0; i < shared; i++) {
            int order = ORDER.compare(first.get(i), second.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(first.size(), second.size());
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        Document asDocument = new Document(VALUES, values);
        int start = buffer.position();
        documents.write(buffer, asDocument);
        if (buffer.getBuffer().get(start) != BsonDocumentType.BSON_TAG) {
            // A value BSON has no code for (a missing field of a sparse index): the key as H2 kept it before.
            buffer.position(start);
            javaSerialized.write(buffer, key);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BsonDocumentType.BSON_TAG) {
            return (KeyValue) javaSerialized.read(buffer);
        }
        Document asDocument = documents.read(buffer);
        return new KeyValue((List<?>) asDocument.get(VALUES));
    }

    @Override
    public int getMemory(KeyValue key) {
        int bytes = BsonDocumentType.HeapEstimate.of(List.of());
        for (Object value : key) {
            bytes += BsonDocumentType.HeapEstimate.of(value);
        }
        return bytes;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
