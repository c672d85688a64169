package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
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

    /** Documents as BSON, not Java serialization; values written the old way still read (see the type). */
    private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();

    /** The name H2Database 1.47.0 gives a unique index's map, after the collection's namespace. */
    private static final String INDEX_MAP_INFIX = "._index_";

    private final MVStore mvStore;
    private final UniqueIndexMaps uniqueIndexMaps;

    CopyingH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
        this.mvStore = mvStore;
        this.uniqueIndexMaps = new UniqueIndexMaps(mvStore);
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

    /**
     * The library opens the index's map by its name; opened here first, with the keys in their own order,
     * the store hands the library this same map.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        uniqueIndexMaps.open(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap(DATA_MAP_PREFIX + namespace,
                new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
        MVMap<String, Object> metaMap = mvStore.openMap(META_MAP_PREFIX + namespace);
        return new CopyingH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }
}
