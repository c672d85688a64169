package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose stored documents never leave it: every query result is a deep copy.
 * <p>
 * Why: mongo-java-server 1.47.0 answers a query with the very {@code Document} instances the H2 map
 * holds (the map's pages keep Java references), and Netty encodes the reply after the collection's
 * lock is released. An update meanwhile rewrites the stored instance in place under that lock
 * (AbstractMongoCollection.updateDocument removes and puts its keys). The encoder then either throws
 * ConcurrentModificationException, and the server closes the client's connection, or sends a document
 * that is half one version and half the next.
 * <p>
 * Every result the library builds passes through {@link #createQueryResult} under the lock: first
 * batches, the rest that a cursor keeps for getMore, the input of aggregation pipelines, and the
 * documents updates and findAndModify look up before changing them. Copying there means replies hold
 * documents no other thread touches, and updates rewrite a copy that then replaces the stored
 * instance, so a stored instance never changes once stored (which also keeps the file's background
 * writer from serializing a document while it changes). The cost is one copy per document returned,
 * not per document scanned.
 */
final class CopyingH2Collection extends H2Collection {

    CopyingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
        List<Document> copies = new ArrayList<>(matchedDocuments.size());
        for (Document document : matchedDocuments) {
            copies.add(document.cloneDeeply());
        }
        return super.createQueryResult(copies, batchSize);
    }

    /**
     * The library keeps each collection's data size (what {@code collStats} reports) by encoding the old and
     * the new document of every update to BSON and writing the total to the collection's meta map: two
     * encodings and one more map write per change, a tenth of the embedded server's CPU under load. Nothing
     * here asks for collection statistics, so the size is not kept (collStats reports the size from before).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** With {@code new: true} (or an upsert) the library answers with the instance it has just stored. */
    @Override
    public synchronized Document findAndModify(Document query) {
        Document result = super.findAndModify(query);
        if (result.get("value") instanceof Document stored) {
            result.put("value", stored.cloneDeeply());
        }
        return result;
    }
}
