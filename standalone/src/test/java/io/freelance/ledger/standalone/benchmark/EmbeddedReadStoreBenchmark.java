package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.freelance.ledger.standalone.EmbeddedMongoConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The embedded read store alone, as the projections use it: through the real driver over loopback, reads by
 * {@code _id} and versioned replacements each followed by a commit of the file (as every event batch commits
 * it before its token). Two stores over the same workload, in one run: mongo-java-server's own H2 backend
 * (documents and index keys in Java serialization, as every build before the BSON formats kept them) and the
 * service's. Sizes in documents of a contract's shape: {@code -DreadStore.sizes=10000,100000}.
 */
@Tag("benchmark")
class EmbeddedReadStoreBenchmark {

    private static final int OPERATIONS = Integer.getInteger("readStore.operations", 4_000);
    private static final String SIZES = System.getProperty("readStore.sizes", "10000,100000");

    @Test
    void readsAndCommittedWritesByIdOnTheLibrarysBackendAndTheServices() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "benchmark-data", "read-store-" + UUID.randomUUID()));
        // Both stores once on a small collection first, so the compiler has seen both before any figure counts.
        measure("warm-up", root.resolve("warm-library"), 2_000, this::libraryBackend);
        measure("warm-up", root.resolve("warm-service"), 2_000, this::serviceBackend);
        System.out.println("store | documents | inserts/s | find by _id: per s, p50 µs | replace + commit: per s, p50 µs | file MB");
        for (String size : SIZES.split(",")) {
            int documents = Integer.parseInt(size.trim());
            measure("library (Java serialization)", root.resolve("library-" + documents), documents, this::libraryBackend);
            measure("service (BSON)", root.resolve("service-" + documents), documents, this::serviceBackend);
        }
    }

    private void measure(String store, Path directory, int documents, Function<Path, H2Backend> backends) throws Exception {
        Files.createDirectories(directory);
        H2Backend backend = backends.apply(directory);
        MongoServer server = new MongoServer(backend);
        String address = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(address)) {
            MongoCollection<Document> contracts = client.getDatabase("ledger").getCollection("contracts");
            long insertStart = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(contract(i, 0));
                if (batch.size() == 1_000) {
                    contracts.insertMany(batch);
                    batch.clear();
                    backend.commit();
                }
            }
            if (!batch.isEmpty()) {
                contracts.insertMany(batch);
            }
            backend.commit();
            double insertsPerSecond = documents / seconds(System.nanoTime() - insertStart);

            SplittableRandom random = new SplittableRandom(documents);
            long[] finds = new long[OPERATIONS];
            for (int i = 0; i < OPERATIONS; i++) {
                int wanted = random.nextInt(documents);
                long start = System.nanoTime();
                Document found = contracts.find(Filters.eq("_id", id(wanted))).first();
                finds[i] = System.nanoTime() - start;
                assertThat(found).as("contract %d", wanted).isNotNull();
                assertThat(found.getString("title")).isEqualTo("Contract " + wanted);
            }
            long[] replaces = new long[OPERATIONS];
            for (int i = 0; i < OPERATIONS; i++) {
                int changed = random.nextInt(documents);
                long start = System.nanoTime();
                contracts.replaceOne(Filters.eq("_id", id(changed)), contract(changed, i + 1), new ReplaceOptions().upsert(true));
                backend.commit();
                replaces[i] = System.nanoTime() - start;
            }
            assertThat(contracts.countDocuments()).isEqualTo(documents);
            System.out.printf(Locale.ROOT, "%s | %,d | %,.0f | %,.0f, %.0f | %,.0f, %.0f | %.1f%n", store, documents,
                    insertsPerSecond, perSecond(finds), p50Micros(finds), perSecond(replaces), p50Micros(replaces),
                    Files.size(directory.resolve("read-models.mv.db")) / 1e6);
        } finally {
            server.shutdownNow();
        }
    }

    private H2Backend libraryBackend(Path directory) {
        return new H2Backend(directory.resolve("read-models.mv.db").toString());
    }

    private H2Backend serviceBackend(Path directory) {
        return new EmbeddedMongoConfig().readModelBackend(directory, EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB);
    }

    /** About the size and shape of a contract's read model: nested terms, a milestone list, money as text. */
    private static Document contract(int number, int version) {
        List<Document> milestones = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            milestones.add(new Document("id", UUID.nameUUIDFromBytes((number + "/" + m).getBytes()).toString())
                    .append("description", "Milestone " + m + " of contract " + number)
                    .append("depositAmount", new Document("amount", "100.00").append("currency", "USD"))
                    .append("status", version % 2 == 0 ? "FUNDED" : "SUBMITTED")
                    .append("dueDate", "2027-03-0" + (m + 1)));
        }
        return new Document("_id", id(number))
                .append("contractVersion", (long) version)
                .append("title", "Contract " + number)
                .append("clientId", "alice").append("freelancerId", "carol")
                .append("status", "ACTIVE").append("currency", "USD")
                .append("offeredAt", new java.util.Date(1_700_000_000_000L + number))
                .append("milestones", milestones);
    }

    private static String id(int number) {
        return UUID.nameUUIDFromBytes(("contract-" + number).getBytes()).toString();
    }

    private static double perSecond(long[] nanos) {
        long total = 0;
        for (long each : nanos) {
            total += each;
        }
        return nanos.length / seconds(total);
    }

    private static double p50Micros(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
