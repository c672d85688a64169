package io.freelance.ledger.standalone;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 backend whose collections answer with copies of the documents they store
 * (see {@link CopyingH2Collection} for why). Same file, same layout: only the databases it opens differ.
 */
final class CopyingH2Backend extends H2Backend {

    CopyingH2Backend(String fileName) {
        super(fileName);
    }

    /** Called by H2Backend's constructor for every database already in the file, and later for new ones. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CopyingH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
