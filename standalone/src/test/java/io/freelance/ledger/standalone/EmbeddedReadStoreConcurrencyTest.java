package io.freelance.ledger.standalone;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedded read store under concurrent reads and updates of the same documents, through the real
 * driver, as the service runs it: no reply may fail, no connection may be dropped, and every document
 * read must be one version of it, never a mix of two.
 * <p>
 * Each update moves {@code first} and {@code last} together and adds or removes {@code note}, as the
 * projections add fields over a contract's life. mongo-java-server 1.47.0 on its own fails this: its
 * replies hold the stored instances that updates rewrite in place, and a reply is encoded after the
 * collection's lock is released. Run with {@code -Dembedded-read-store.library-backend=true} to see
 * that against the library's own H2 backend (for instance after upgrading it).
 */
class EmbeddedReadStoreConcurrencyTest {

    private static final int DOCUMENTS = 4;
    private static final int WARM_UP_ROUNDS = 300;
    private static final int FILLER_FIELDS = 200;
    private static final int READERS = 8;
    private static final int WRITERS = 2;
    private static final Duration RUN_TIME = Duration.ofSeconds(3);
    private static final boolean LIBRARY_BACKEND = Boolean.getBoolean("embedded-read-store.library-backend");

    @TempDir
    Path dataDirectory;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> contracts;

    /** How a reader reaches the documents; each is a way a stored document could end up in a reply. */
    enum ReadPath {
        FIND_BY_ID,
        /** Documents past the first batch wait in a server-side cursor until getMore. */
        CURSOR_GET_MORE,
        AGGREGATION,
        /** findAndModify answers with the document as it stored it. */
        FIND_AND_MODIFY_REPLY
    }

    @BeforeEach
    void startServer() {
        H2Backend backend = LIBRARY_BACKEND
                ? new H2Backend(dataDirectory.resolve("read-models.mv.db").toString())
                : new EmbeddedMongoConfig().readModelBackend(dataDirectory, EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB);
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                // A retry would hide a dropped connection: every drop must reach the test.
                .retryReads(false)
                .retryWrites(false)
                .applyToConnectionPoolSettings(pool -> pool.maxSize(READERS + WRITERS + 2))
                .applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
        contracts = client.getDatabase("ledger").getCollection("contracts");
        for (int index = 0; index < DOCUMENTS; index++) {
            contracts.insertOne(newDocument(index));
        }
        // Compiled code on both sides before the clock runs, or a cold JVM spends the run warming up.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            update(randomId());
            contracts.find(eq("_id", randomId())).first();
        }
    }

    @AfterEach
    void stopServer() {
        client.close();
        // Its Netty threads are not daemons.
        server.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(ReadPath.class)
    void everyReplyHoldsOneWholeVersionOfEachDocumentWhileOthersUpdateIt(ReadPath path) throws InterruptedException {
        Outcome outcome = new Outcome();
        long deadline = System.nanoTime() + RUN_TIME.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(READERS + WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            threads.execute(() -> repeatUntil(deadline, outcome, () -> update(randomId()), outcome.writes));
        }
        for (int reader = 0; reader < READERS; reader++) {
            threads.execute(() -> repeatUntil(deadline, outcome, () -> read(path, outcome::check), outcome.reads));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(RUN_TIME.toSeconds() + 30, TimeUnit.SECONDS)).as("threads stopped").isTrue();

        System.out.printf("%s, %s backend: %s%n", path, LIBRARY_BACKEND ? "library" : "service", outcome);
        assertThat(outcome.failures).as("exceptions by type, e.g. a dropped connection").isEmpty();
        assertThat(outcome.mixedVersions.sum()).as("documents read as a mix of two versions").isZero();
        assertThat(outcome.reads.sum()).as("reads done").isGreaterThanOrEqualTo(10);
        assertThat(outcome.writes.sum()).as("updates done").isGreaterThanOrEqualTo(10);
        assertThat(outcome.documentsChecked.sum()).as("documents checked").isGreaterThanOrEqualTo(outcome.reads.sum());
    }

    private void read(ReadPath path, Consumer<Document> check) {
        switch (path) {
            case FIND_BY_ID -> check.accept(contracts.find(eq("_id", randomId())).first());
            case CURSOR_GET_MORE -> contracts.find().batchSize(2).forEach(check);
            case AGGREGATION -> contracts.aggregate(List.of(Aggregates.match(in("_id", allIds())))).forEach(check);
            case FIND_AND_MODIFY_REPLY -> check.accept(contracts.findOneAndUpdate(eq("_id", randomId()), revisionStep(),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        }
    }

    private void update(String id) {
        contracts.updateOne(eq("_id", id), revisionStep());
    }

    /** Moves both revision fields together, and adds or drops a field so the document's keys change too. */
    private static Bson revisionStep() {
        Bson note = ThreadLocalRandom.current().nextBoolean() ? Updates.set("note", "changed") : Updates.unset("note");
        return Updates.combine(Updates.inc("first", 1L), Updates.inc("last", 1L), note);
    }

    private static Document newDocument(int index) {
        Document document = new Document("_id", "contract-" + index).append("first", 0L);
        for (int field = 0; field < FILLER_FIELDS; field++) {
            document.append("field" + field, "value of field " + field);
        }
        document.append("milestones", List.of(new Document("id", "m-1").append("amount", "100.00"),
                new Document("id", "m-2").append("amount", "200.00")));
        return document.append("last", 0L);
    }

    private static String randomId() {
        return "contract-" + ThreadLocalRandom.current().nextInt(DOCUMENTS);
    }

    private static List<String> allIds() {
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < DOCUMENTS; index++) {
            ids.add("contract-" + index);
        }
        return ids;
    }

    private static void repeatUntil(long deadline, Outcome outcome, Runnable action, LongAdder done) {
        while (System.nanoTime() < deadline) {
            try {
                action.run();
                done.increment();
            } catch (RuntimeException e) {
                outcome.failed(e);
            }
        }
    }

    /** What the threads saw; shared by all of them. */
    private static final class Outcome {
        final LongAdder reads = new LongAdder();
        final LongAdder writes = new LongAdder();
        final LongAdder documentsChecked = new LongAdder();
        final LongAdder mixedVersions = new LongAdder();
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

        void check(Document document) {
            documentsChecked.increment();
            if (document == null || !document.get("first").equals(document.get("last"))) {
                mixedVersions.increment();
            }
        }

        void failed(RuntimeException e) {
            failures.computeIfAbsent(e.getClass().getSimpleName(), type -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public String toString() {
            return "%d reads, %d updates, %d documents checked, %d mixed versions, failures %s"
                    .formatted(reads.sum(), writes.sum(), documentsChecked.sum(), mixedVersions.sum(), failures);
        }
    }
}
