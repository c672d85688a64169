package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the map of a unique index with {@link BsonIndexKeyType}. An index written by earlier builds is in
 * H2's default key order and is copied into this order the first time it is opened; which indexes are
 * already in it is recorded in a small map of its own in the same file.
 * <p>
 * The copy is made under a second name and swapped in only once complete, so a process stopped at any
 * moment finds on its next start either the old index (and copies it again), or the finished copy under
 * the second name (and completes the swap).
 */
final class UniqueIndexMaps {

    private static final String KEY_FORMATS = "freelance-ledger.unique-index-key-formats";
    private static final String COPY_SUFFIX = ".reordering";
    private static final Integer BSON_KEYS = 2;
    private static final BsonIndexKeyType KEYS = new BsonIndexKeyType();

    private final MVStore store;
    private final MVMap<String, Integer> keyFormats;

    UniqueIndexMaps(MVStore store) {
        this.store = store;
        this.keyFormats = store.openMap(KEY_FORMATS);
    }

    MVMap<KeyValue, Object> open(String mapName) {
        String copyName = mapName + COPY_SUFFIX;
        if (store.hasMap(copyName) && !store.hasMap(mapName)) {
            keyFormats.put(mapName, BSON_KEYS);
            store.renameMap(inKeyOrder(copyName), mapName);
        } else if (!BSON_KEYS.equals(keyFormats.get(mapName)) && store.hasMap(mapName)) {
            copyIntoKeyOrder(mapName, copyName);
        }
        MVMap<KeyValue, Object> index = inKeyOrder(mapName);
        keyFormats.put(mapName, BSON_KEYS);
        return index;
    }

    private void copyIntoKeyOrder(String mapName, String copyName) {
        if (store.hasMap(copyName)) {
            store.removeMap(copyName);
        }
        MVMap<KeyValue, Object> written = store.openMap(mapName);
        MVMap<KeyValue, Object> copy = inKeyOrder(copyName);
        for (Map.Entry<KeyValue, Object> entry : written.entrySet()) {
            copy.put(entry.getKey(), entry.getValue());
        }
        store.removeMap(written);
        keyFormats.put(mapName, BSON_KEYS);
        store.renameMap(copy, mapName);
        store.commit();
    }

    private MVMap<KeyValue, Object> inKeyOrder(String mapName) {
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KEYS));
    }
}
