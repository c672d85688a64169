package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-model file across builds: documents and unique indexes written by mongo-java-server's own H2
 * backend (every release before the copying collections and the BSON documents) open with the service's
 * backend, which keeps them readable while it writes its own documents as BSON beside them; the service's
 * own files reopen whole. The upgrade is one way: the library's backend cannot read a BSON document.
 */
class CopyingH2BackendFileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aFileWrittenByTheLibrarysBackendOpensWithItsDocumentsAndIndexes() {
        writeThenReopen(this::libraryBackend, this::serviceBackend);
    }

    @Test
    void aFileWrittenByTheServiceReopensWithItsDocumentsAndIndexes() {
        writeThenReopen(this::serviceBackend, this::serviceBackend);
    }

    @Test
    void aFileOfEarlierBuildsTakesNewDocumentsBesideItsOldOnes() {
        H2Backend earlier = libraryBackend(dataDirectory);
        earlier.resolveDatabase("ledger").createCollectionOrThrowIfExists("balances").insertDocuments(List.of(
                new Document("_id", "escrow:c-1/USD").append("balanceMinorUnits", 10_000L),
                new Document("_id", "client:alice:charges/USD").append("balanceMinorUnits", -10_500L)));
        earlier.close();

        H2Backend upgraded = serviceBackend(dataDirectory);
        MongoCollection<?> balances = upgraded.resolveDatabase("ledger").resolveCollection("balances", true);
        balances.updateDocuments(new Document("_id", "escrow:c-1/USD"),
                new Document("$set", new Document("balanceMinorUnits", 0L)), ArrayFilters.empty(), false, false, NoopOplog.get());
        balances.addDocument(new Document("_id", "freelancer:carol:pending/USD").append("balanceMinorUnits", 9_000L));
        upgraded.close();

        H2Backend reopened = serviceBackend(dataDirectory);
        try {
            MongoCollection<?> read = reopened.resolveDatabase("ledger").resolveCollection("balances", true);
            assertThat(read.handleQuery(new Document())).extracting(balance -> balance.get("balanceMinorUnits"))
                    .containsExactlyInAnyOrder(0L, -10_500L, 9_000L);
        } finally {
            reopened.close();
        }
    }

    @Test
    void collectionsAlreadyInTheFileOpenAsCopyingCollections() {
        H2Backend writer = serviceBackend(dataDirectory);
        writer.resolveDatabase("ledger").createCollectionOrThrowIfExists("contracts");
        writer.close();

        H2Backend reopened = serviceBackend(dataDirectory);
        try {
            assertThat(reopened.resolveDatabase("ledger").resolveCollection("contracts", true))
                    .isInstanceOf(CopyingH2Collection.class);
        } finally {
            reopened.close();
        }
    }

    private void writeThenReopen(Function<Path, H2Backend> writerBackend, Function<Path, H2Backend> readerBackend) {
        H2Backend writer = writerBackend.apply(dataDirectory);
        MongoCollection<?> written = writer.resolveDatabase("ledger").createCollectionOrThrowIfExists("balances");
        written.insertDocuments(List.of(
                new Document("_id", "escrow:c-1/USD").append("balanceMinorUnits", 10_000L),
                new Document("_id", "client:alice:charges/USD").append("balanceMinorUnits", -10_500L)));
        writer.close();

        H2Backend reader = readerBackend.apply(dataDirectory);
        try {
            MongoCollection<?> read = reader.resolveDatabase("ledger").resolveCollection("balances", true);
            assertThat(read.count()).isEqualTo(2);
            assertThat(read.handleQuery(new Document("_id", "escrow:c-1/USD")))
                    .singleElement().satisfies(balance -> assertThat(balance).containsEntry("balanceMinorUnits", 10_000L));
            // The _id index came back with the file: a second document with the same id is refused.
            assertThatThrownBy(() -> read.addDocument(new Document("_id", "escrow:c-1/USD")))
                    .isInstanceOf(DuplicateKeyError.class);
        } finally {
            reader.close();
        }
    }

    @Test
    void thePageCacheIsAsLargeAsConfigured() {
        H2Backend backend = new EmbeddedMongoConfig().readModelBackend(dataDirectory, 7);
        try {
            assertThat(backend.getMvStore().getCacheSize()).isEqualTo(7);
        } finally {
            backend.close();
        }
    }

    private H2Backend serviceBackend(Path directory) {
        return new EmbeddedMongoConfig().readModelBackend(directory, EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB);
    }

    private H2Backend libraryBackend(Path directory) {
        return new H2Backend(directory.resolve("read-models.mv.db").toString());
    }
}
