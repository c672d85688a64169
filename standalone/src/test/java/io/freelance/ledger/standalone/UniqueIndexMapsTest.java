package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index in H2's default key order is copied into the BSON key order once, and a start that finds the copy
 * finished but not yet swapped in (a process stopped in between) completes the swap instead of losing the index.
 */
class UniqueIndexMapsTest {

    private static final String INDEX = "ledger.contracts._index__id_";
    private static final int KEYS = 2_000;

    @TempDir
    Path directory;

    @Test
    void anIndexInTheDefaultOrderIsCopiedIntoKeyOrderOnceAndFindsEveryKey() {
        MVStore store = open();
        MVMap<KeyValue, Object> written = store.openMap(INDEX);
        for (int i = 0; i < KEYS; i++) {
            written.put(new KeyValue(id(i)), id(i));
        }
        store.close();

        MVStore reopened = open();
        MVMap<KeyValue, Object> index = new UniqueIndexMaps(reopened).open(INDEX);
        assertEveryKeyFound(index);
        assertThat(reopened.hasMap(INDEX + ".reordering")).isFalse();
        index.put(new KeyValue("added-after"), "added-after");
        reopened.close();

        MVStore third = open();
        MVMap<KeyValue, Object> again = new UniqueIndexMaps(third).open(INDEX);
        assertEveryKeyFound(again);
        assertThat(again.get(new KeyValue("added-after"))).isEqualTo("added-after");
        third.close();
    }

    @Test
    void aFinishedCopyThatWasNotSwappedInIsSwappedInAtTheNextStart() {
        MVStore store = open();
        UniqueIndexMaps maps = new UniqueIndexMaps(store);
        MVMap<KeyValue, Object> copy = maps.open(INDEX);
        for (int i = 0; i < KEYS; i++) {
            copy.put(new KeyValue(id(i)), id(i));
        }
        // As a process stopped between removing the old index and renaming the copy leaves the file.
        store.renameMap(copy, INDEX + ".reordering");
        store.close();

        MVStore reopened = open();
        MVMap<KeyValue, Object> index = new UniqueIndexMaps(reopened).open(INDEX);
        assertEveryKeyFound(index);
        assertThat(reopened.hasMap(INDEX + ".reordering")).isFalse();
        reopened.close();
    }

    private static void assertEveryKeyFound(MVMap<KeyValue, Object> index) {
        for (int i = 0; i < KEYS; i++) {
            assertThat(index.get(new KeyValue(id(i)))).as("key %d", i).isEqualTo(id(i));
        }
        assertThat(index.get(new KeyValue("never-written"))).isNull();
    }

    private static String id(int i) {
        return i % 3 == 0 ? "c-" + i : UUID.nameUUIDFromBytes(("key" + i).getBytes()).toString();
    }

    private MVStore open() {
        return new MVStore.Builder().fileName(directory.resolve("read-models.mv.db").toString()).open();
    }
}
