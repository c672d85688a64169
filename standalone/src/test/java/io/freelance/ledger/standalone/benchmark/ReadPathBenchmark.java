package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.ledger.LedgerProjection;
import io.freelance.ledger.standalone.StandaloneApplication;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the read path behaves as the data grows. One standalone service on a fresh data directory is fed a
 * synthetic marketplace history through the projections' own event handlers up to each size (documents
 * in the read store: 10k, 100k, 1M by default), printing the rebuild rate; at each size the API's reads
 * are timed over real HTTP as demo users. Prints figures and checks every answer; speed is not asserted.
 * <p>
 * System properties: {@code readPath.sizes} (e.g. {@code 10k,100k}), {@code readPath.maxSeedMinutes}
 * (per size; the size reached is measured when it runs out), {@code readPath.samples} and
 * {@code readPath.secondsPerRead} (at most that many requests, or that long, per read; at least 5).
 */
@Tag("benchmark")
class ReadPathBenchmark {

    private static final List<Long> SIZES = parseSizes(System.getProperty("readPath.sizes", "10k,100k,1M"));
    private static final Duration MAX_SEED_TIME = Duration.ofMinutes(Long.getLong("readPath.maxSeedMinutes", 45));
    private static final int MAX_SAMPLES = Integer.getInteger("readPath.samples", 200);
    private static final Duration TIME_PER_READ = Duration.ofSeconds(Long.getLong("readPath.secondsPerRead", 20));
    private static final int MIN_SAMPLES = 5;
    /** Per read, before timing it: enough for the JIT to compile the request path, bounded for slow reads. */
    private static final int WARM_UP_REQUESTS = 20;
    private static final Duration MAX_WARM_UP_PER_READ = Duration.ofSeconds(5);
    /** Once, before the first size is timed: every read in turn, so the first figures are not the JIT's. */
    private static final Duration SERVICE_WARM_UP = Duration.ofSeconds(20);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    /** About how many read-model documents one synthetic contract adds; only sizes the seeding chunks. */
    private static final int DOCUMENTS_PER_CONTRACT_ESTIMATE = 10;
    private static final int MAX_CONTRACTS_PER_CHUNK = 200;

    @Test
    void readLatencyAndRebuildRateAsTheReadStoreGrows() {
        SyntheticMarketplace marketplace = new SyntheticMarketplace();
        List<SizeResult> results = new ArrayList<>();
        try (ConfigurableApplicationContext context = startService();
             ProjectionFeeder feeder = new ProjectionFeeder(context,
                     Set.of(ContractProjection.PROCESSING_GROUP, LedgerProjection.PROCESSING_GROUP))) {
            MongoDatabase readStore = context.getBean(MongoDatabase.class);
            TimedGraphQlClient api = new TimedGraphQlClient(
                    "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            for (long targetDocuments : SIZES) {
                SeedResult seeded = seed(marketplace, feeder, readStore, targetDocuments);
                if (results.isEmpty()) {
                    warmUp(api, ReadPathQueries.all(marketplace));
                }
                List<ReadResult> reads = new ArrayList<>();
                for (ReadPathQuery query : ReadPathQueries.all(marketplace)) {
                    reads.add(timeOrRecordFailure(api, query));
                    System.out.printf(Locale.ROOT, "  %-50s %s%n", query.name(), reads.get(reads.size() - 1).cell());
                }
                results.add(new SizeResult(targetDocuments, seeded, reads));
            }
        }
        printTable(results);
        assertThat(results).hasSize(SIZES.size());
        assertThat(results.stream().flatMap(result -> result.reads().stream()).filter(read -> read.failure() != null)
                .map(read -> read.name() + ": " + read.failure())).as("reads that failed").isEmpty();
    }

    private static ConfigurableApplicationContext startService() {
        Path dataDirectory = Path.of("target", "benchmark-data", UUID.randomUUID().toString()).toAbsolutePath();
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    /** Feeds contracts until the read store holds {@code targetDocuments}, or the seeding time runs out. */
    private static SeedResult seed(SyntheticMarketplace marketplace, ProjectionFeeder feeder, MongoDatabase readStore,
                                   long targetDocuments) {
        long eventsBefore = marketplace.eventCount();
        long started = System.nanoTime();
        long giveUpAt = started + MAX_SEED_TIME.toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        long documents = documentCount(readStore);
        while (documents < targetDocuments && System.nanoTime() < giveUpAt) {
            long contracts = (targetDocuments - documents) / DOCUMENTS_PER_CONTRACT_ESTIMATE;
            feeder.feed(marketplace.nextContracts((int) Math.max(10, Math.min(MAX_CONTRACTS_PER_CHUNK, contracts))));
            documents = documentCount(readStore);
            if (System.nanoTime() > nextProgress) {
                nextProgress += PROGRESS_EVERY.toNanos();
                System.out.printf(Locale.ROOT, "seeding towards %s: %,d documents, %,d events, %.0f events/s%n",
                        label(targetDocuments), documents, marketplace.eventCount(),
                        (marketplace.eventCount() - eventsBefore) / seconds(started));
            }
        }
        SeedResult result = new SeedResult(documents, marketplace.contractCount(), marketplace.eventCount(),
                (marketplace.eventCount() - eventsBefore) / seconds(started), documents >= targetDocuments);
        System.out.printf(Locale.ROOT, "seeded %s: %,d documents, %,d contracts, %,d events, rebuild %.0f events/s%s%n",
                label(targetDocuments), result.documents(), result.contracts(), result.events(), result.eventsPerSecond(),
                result.reachedTarget() ? "" : " (seeding time ran out)");
        return result;
    }

    /** Every document of every read-model collection, whatever the collections are. */
    private static long documentCount(MongoDatabase readStore) {
        long count = 0;
        for (String collection : readStore.listCollectionNames()) {
            count += readStore.getCollection(collection).estimatedDocumentCount();
        }
        return count;
    }

    private static void warmUp(TimedGraphQlClient api, List<ReadPathQuery> queries) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < SERVICE_WARM_UP.toNanos()) {
            queries.forEach(query -> ask(api, query));
        }
    }

    /** A failed read is reported in the table, and fails the benchmark once the table is printed. */
    private static ReadResult timeOrRecordFailure(TimedGraphQlClient api, ReadPathQuery query) {
        try {
            return time(api, query);
        } catch (AssertionError | RuntimeException e) {
            String failure = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.out.printf(Locale.ROOT, "  %-50s FAILED: %s%n", query.name(), failure);
            return new ReadResult(query.name(), null, failure);
        }
    }

    private static ReadResult time(TimedGraphQlClient api, ReadPathQuery query) {
        long warmUpStarted = System.nanoTime();
        for (int request = 0; request < WARM_UP_REQUESTS && System.nanoTime() - warmUpStarted < MAX_WARM_UP_PER_READ.toNanos(); request++) {
            ask(api, query);
        }
        long[] nanos = new long[MAX_SAMPLES];
        int count = 0;
        long started = System.nanoTime();
        while (count < MAX_SAMPLES && (count < MIN_SAMPLES || System.nanoTime() - started < TIME_PER_READ.toNanos())) {
            nanos[count++] = ask(api, query);
        }
        return new ReadResult(query.name(), Latencies.of(Arrays.copyOf(nanos, count)), null);
    }

    /** One request, its answer checked; how long the exchange took. */
    private static long ask(TimedGraphQlClient api, ReadPathQuery query) {
        Map<String, Object> variables = query.variables().get();
        Reply reply = api.post(query.user(), query.document(), variables);
        if (!reply.answered()) {
            throw new AssertionError("HTTP " + reply.status() + ": " + (reply.failure() != null ? reply.failure() : reply.body()));
        }
        query.requireCorrect().accept(variables, reply.data());
        return reply.latencyNanos();
    }

    private static void printTable(List<SizeResult> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n== Read path on the embedded stores: %d cores, test JVM max heap %d MB; latency p50 / p99 ms (requests)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        row(table, "size (documents in the read store)", results, result -> label(result.targetDocuments())
                + (result.seeded().reachedTarget() ? "" : " (not reached)"));
        row(table, "documents", results, result -> String.format(Locale.ROOT, "%,d", result.seeded().documents()));
        row(table, "contracts / events", results, result -> String.format(Locale.ROOT, "%,d / %,d",
                result.seeded().contracts(), result.seeded().events()));
        row(table, "rebuild through the projections (events/s)", results,
                result -> String.format(Locale.ROOT, "%,.0f", result.seeded().eventsPerSecond()));
        for (int read = 0; read < results.get(0).reads().size(); read++) {
            int index = read;
            row(table, results.get(0).reads().get(read).name(), results, result -> result.reads().get(index).cell());
        }
        System.out.println(table);
    }

    private static void row(StringBuilder table, String name, List<SizeResult> results,
                            Function<SizeResult, String> cell) {
        table.append(String.format(Locale.ROOT, "| %-50s |", name));
        for (SizeResult result : results) {
            table.append(String.format(Locale.ROOT, " %24s |", cell.apply(result)));
        }
        table.append(System.lineSeparator());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static List<Long> parseSizes(String sizes) {
        return Arrays.stream(sizes.split(",")).map(String::trim).map(ReadPathBenchmark::parseSize).toList();
    }

    private static long parseSize(String size) {
        String upper = size.toUpperCase(Locale.ROOT);
        if (upper.endsWith("M")) {
            return Long.parseLong(upper.substring(0, upper.length() - 1)) * 1_000_000;
        }
        if (upper.endsWith("K")) {
            return Long.parseLong(upper.substring(0, upper.length() - 1)) * 1_000;
        }
        return Long.parseLong(upper);
    }

    private static String label(long documents) {
        if (documents >= 1_000_000 && documents % 1_000_000 == 0) {
            return documents / 1_000_000 + "M";
        }
        return documents >= 1_000 && documents % 1_000 == 0 ? documents / 1_000 + "k" : Long.toString(documents);
    }

    private record SeedResult(long documents, long contracts, long events, double eventsPerSecond, boolean reachedTarget) {
    }

    /** {@code latencies} when the read was timed, {@code failure} when it was not. */
    private record ReadResult(String name, Latencies latencies, String failure) {

        String cell() {
            if (failure != null) {
                return "FAILED (see above)";
            }
            return String.format(Locale.ROOT, "%.1f / %.1f (%d)", latencies.percentileMillis(50),
                    latencies.percentileMillis(99), latencies.count());
        }
    }

    private record SizeResult(long targetDocuments, SeedResult seeded, List<ReadResult> reads) {
    }
}
