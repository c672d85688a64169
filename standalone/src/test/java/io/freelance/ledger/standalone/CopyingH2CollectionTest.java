package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read store's collections, without the network: a document handed out by a query or
 * a findAndModify is the caller's own, so no later update can change it under a reply being encoded.
 * These are the deterministic halves of {@link EmbeddedReadStoreConcurrencyTest}.
 */
class CopyingH2CollectionTest {

    @TempDir
    Path dataDirectory;

    private H2Backend backend;
    private MongoCollection<?> contracts;

    @BeforeEach
    void openCollection() {
        backend = new EmbeddedMongoConfig().readModelBackend(dataDirectory, EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB);
        contracts = backend.resolveDatabase("ledger").createCollectionOrThrowIfExists("contracts");
        contracts.insertDocuments(List.of(new Document("_id", "c-1").append("status", "OFFERED")));
    }

    @AfterEach
    void closeFile() {
        backend.close();
    }

    @Test
    void anUpdateLeavesADocumentAlreadyReadAsItWas() {
        Document read = findById("c-1");

        contracts.updateDocuments(new Document("_id", "c-1"),
                new Document("$set", new Document("status", "ACTIVE").append("acceptedAt", "today")),
                ArrayFilters.empty(), false, false, NoopOplog.get());

        assertThat(read).containsOnlyKeys("_id", "status").containsEntry("status", "OFFERED");
        assertThat(findById("c-1")).containsEntry("status", "ACTIVE").containsEntry("acceptedAt", "today");
    }

    @Test
    void changingADocumentReadDoesNotChangeTheStoredOne() {
        findById("c-1").put("status", "TAMPERED");

        assertThat(findById("c-1")).containsEntry("status", "OFFERED");
    }

    @Test
    void findAndModifyAnswersWithACopyOfWhatItStored() {
        Document answer = (Document) contracts.findAndModify(new Document("query", new Document("_id", "c-1"))
                .append("update", new Document("$set", new Document("status", "ACTIVE")))
                .append("new", true)).get("value");

        contracts.updateDocuments(new Document("_id", "c-1"), new Document("$unset", new Document("status", "")),
                ArrayFilters.empty(), false, false, NoopOplog.get());

        assertThat(answer).containsEntry("status", "ACTIVE");
        assertThat(findById("c-1")).doesNotContainKey("status");
    }

    @Test
    void eachQueryGetsItsOwnInstance() {
        assertThat(findById("c-1")).isNotSameAs(findById("c-1")).isEqualTo(findById("c-1"));
    }

    private Document findById(String id) {
        return contracts.handleQuery(new Document("_id", id)).iterator().next();
    }
}
