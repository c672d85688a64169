package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The keys of the embedded store's unique indexes: ordered value by value without serializing them, equal
 * exactly when the index takes them for the same key, kept as BSON, with keys of earlier builds still read.
 */
class BsonIndexKeyTypeTest {

    private final BsonIndexKeyType type = new BsonIndexKeyType();

    @Test
    void keysAreOrderedByTheirValuesInTurnThenByLength() {
        assertThat(type.compare(new KeyValue("contract-10"), new KeyValue("contract-9"))).isNegative();
        assertThat(type.compare(new KeyValue("b"), new KeyValue("a", "z"))).isPositive();
        assertThat(type.compare(new KeyValue("a"), new KeyValue("a", "z"))).isNegative();
        assertThat(type.compare(new KeyValue(2L), new KeyValue(10L))).as("numbers as numbers").isNegative();
        assertThat(type.compare(new KeyValue("escrow:c-1/USD"), new KeyValue("escrow:c-1/USD"))).isZero();
        assertThat(type.compare(new KeyValue(1).normalized(), new KeyValue(1.0).normalized()))
                .as("keys the index normalizes to the same key").isZero();
    }

    @Test
    void theOrderIsATotalOrderOverManyKeys() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(new KeyValue(UUID.nameUUIDFromBytes(("k" + i).getBytes()).toString()));
        }
        keys.sort(type::compare);
        for (int i = 1; i < keys.size(); i++) {
            assertThat(type.compare(keys.get(i - 1), keys.get(i))).isNegative();
            assertThat(type.compare(keys.get(i), keys.get(i - 1))).isPositive();
        }
    }

    @Test
    void keysComeBackAsTheyWentIn() {
        List<KeyValue> keys = List.of(new KeyValue("escrow:c-1/USD"), new KeyValue(42L, "USD"), new KeyValue(new ObjectId()),
                new KeyValue((Object) null), new KeyValue(UUID.randomUUID()));
        WriteBuffer written = new WriteBuffer();
        type.write(written, keys.toArray(new KeyValue[0]), keys.size());
        ByteBuffer bytes = written.getBuffer().flip();

        KeyValue[] read = type.createStorage(keys.size());
        type.read(bytes, read, read.length);

        assertThat(read).containsExactlyElementsOf(keys);
        assertThat(bytes.remaining()).isZero();
    }

    @Test
    void aMissingValueOfASparseIndexIsKeptWithJavaSerialization() {
        KeyValue key = new KeyValue(Missing.getInstance(), "x");
        WriteBuffer written = new WriteBuffer();
        type.write(written, key);
        ByteBuffer bytes = written.getBuffer().flip();

        assertThat(bytes.get(0)).isNotEqualTo(BsonDocumentType.BSON_TAG);
        KeyValue read = type.read(bytes);
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.get(0)).isInstanceOf(Missing.class);
        assertThat(read.get(1)).isEqualTo("x");
    }

    @Test
    void aKeyWrittenByEarlierBuildsStillReads() {
        KeyValue key = new KeyValue("contract-1");
        WriteBuffer written = new WriteBuffer();
        new ObjectDataType().write(written, key);

        assertThat(type.read(written.getBuffer().flip())).isEqualTo(key);
    }
}
