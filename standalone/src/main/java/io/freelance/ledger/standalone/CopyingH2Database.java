package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** An {@link H2Database} whose collections are {@link CopyingH2Collection}s, over the same maps of the same file. */
final class CopyingH2Database extends H2Database {

    /**
     * The names H2Database 1.47.0 gives a collection's maps. Files written before this class existed
     * (and after, should it be removed) use them: a different name would open an empty collection.
     * CopyingH2BackendFileTest guards this.
     */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    private final MVStore mvStore;

    CopyingH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
        this.mvStore = mvStore;
        // Deferred from H2Database's constructor (see below), now that the store is set.
        super.initializeNamespacesAndIndexes();
    }

    /**
     * H2Database's constructor opens the existing collections through {@link #openOrCreateCollection}
     * before this class's fields are assigned; this constructor does it instead, once they are.
     */
    @Override
    protected void initializeNamespacesAndIndexes() {
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap(DATA_MAP_PREFIX + namespace);
        MVMap<String, Object> metaMap = mvStore.openMap(META_MAP_PREFIX + namespace);
        return new CopyingH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }
}
