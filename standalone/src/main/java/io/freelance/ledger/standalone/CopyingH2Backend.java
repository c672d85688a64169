package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose collections answer with copies of the documents they store
 * (see {@link CopyingH2Collection} for why) and keep them as BSON ({@link BsonDocumentType}). Same file,
 * same map names: only the databases it opens differ, and how the file reuses its space.
 */
final class CopyingH2Backend extends H2Backend {

    CopyingH2Backend(String fileName, int cacheMegabytes) {
        super(openStore(fileName, cacheMegabytes));
    }

    /** Called by H2Backend's constructor for every database already in the file, and later for new ones. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CopyingH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Every event batch commits the file (before its token moves on), and each commit writes a new chunk.
     * With H2's default the space those chunks free is kept for 45 seconds before it may be written again:
     * measured, the file grew to 843 MB in 7,500 mutations. Reused at once, as in the event store
     * ({@code RETENTION_TIME=0}, with the same caveat about power loss). Reads stay whole: a collection is
     * read under its lock, which keeps its pages from changing, and every result is copied out before the
     * lock is released ({@link CopyingH2Collection}), so no reader is left holding pages of a freed chunk.
     */
    private static MVStore openStore(String fileName, int cacheMegabytes) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open();
        store.setRetentionTime(0);
        return store;
    }
}
