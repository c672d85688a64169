package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.AccountLists;
import io.freelance.ledger.query.ledger.LedgerReadModel;
import io.freelance.ledger.query.ledger.LedgerStore;
import io.freelance.ledger.query.ledger.audit.AuditEventSource;
import io.freelance.ledger.query.ledger.audit.AuditProgress;
import io.freelance.ledger.query.ledger.audit.AuditReport;
import io.freelance.ledger.query.ledger.audit.DailyCheckpoints;
import io.freelance.ledger.query.ledger.audit.EventBatch;
import io.freelance.ledger.query.ledger.audit.LedgerAsOf;
import io.freelance.ledger.query.ledger.audit.LedgerAudit;
import io.freelance.ledger.query.ledger.audit.LiveBalances;
import io.freelance.ledger.query.ledger.audit.LiveLedgerPosition;
import io.freelance.ledger.query.ledger.audit.RecordedMovement;
import io.freelance.ledger.standalone.RandomMoneyStreams.Movement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The ledger model the service reads balances from (the query side's {@link LedgerStore} through the real
 * MongoDB driver) fed with what the real aggregates write for random command sequences
 * ({@link RandomMoneyStreams}), delivered the way a tracking processor delivers them: the aggregates' streams
 * interleaved, an event committed late arriving after one with a higher position, and a batch delivered again
 * after a retry. After every delivery the trial balance is zero in every currency and no escrow or pending
 * balance is below zero; at the end a replay of the events once each, in position order, into an empty model
 * gives the same balances and statements as the live model.
 * <p>
 * Then finance's view: an audit of such a history finds the ledger consistent, and the balances as of the
 * instant each event was recorded are those the ledger showed after it.
 * <p>
 * One seed per case; a failure names the seed that reproduces it. {@code -Dledger.properties.cases=N} and
 * {@code -Dledger.properties.as-of-cases=N} run more.
 */
class LedgerModelPropertiesTest {

    private static final int CASES = Integer.getInteger("ledger.properties.cases", 300);
    private static final int AS_OF_CASES = Integer.getInteger("ledger.properties.as-of-cases", 40);
    private static final List<String> CURRENCIES = RandomMoneyStreams.CURRENCIES;
    /** Recorded times of the as-of cases: well in the past, several hours apart, so a history spans days. */
    private static final Instant HISTORY_START = Instant.parse("2026-10-01T05:00:00Z");
    private static final Duration RECORDED_APART = Duration.ofHours(5);

    private static MongoServer server;
    private static MongoClient client;

    /** One delivery to the projection: the movement and the global position its event has in the store. */
    record Delivery(Movement movement, long position) {
    }

    @BeforeAll
    static void startReadStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopReadStore() {
        client.close();
        server.shutdownNow();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, CASES);
    }

    static LongStream asOfSeeds() {
        return LongStream.rangeClosed(1, AS_OF_CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyStepBalancesNothingIsOverdrawnAndAReplayEqualsTheLiveModel(long seed) {
        Random random = new Random(seed);
        List<List<Movement>> streams = RandomMoneyStreams.draw(random, seed);
        List<Delivery> stored = storedInterleaved(random, streams);
        List<Delivery> delivered = asDelivered(random, stored);

        Ledger live = new Ledger(client.getDatabase("live-" + seed));
        Ledger replay = new Ledger(client.getDatabase("replay-" + seed));
        try {
            for (Delivery delivery : delivered) {
                live.apply(delivery);
                Map<String, Money> balances = live.balances();
                assertThat(live.trialBalanceTotals()).as("trial balance after position %d", delivery.position())
                        .allSatisfy((currency, total) -> assertThat(total.isZero()).as(currency).isTrue());
                assertThat(balances).as("balances after position %d", delivery.position())
                        .allSatisfy((account, balance) -> {
                            if (account.startsWith("escrow:") || account.contains(":pending")) {
                                assertThat(balance.isNegative()).as(account).isFalse();
                            }
                        });
            }
            stored.forEach(replay::apply);

            assertThat(replay.balances()).as("replayed once each, in position order").isEqualTo(live.balances());
            assertThat(replay.statementAmounts()).as("statements").isEqualTo(live.statementAmounts());
            assertThat(live.balances()).as("every movement of the plan reached the ledger")
                    .hasSizeGreaterThanOrEqualTo(stored.isEmpty() ? 0 : 2);
        } finally {
            live.drop();
            replay.drop();
        }
    }

    /**
     * Finance's view of the same histories: the events recorded hours apart over several days, the ledger applied
     * in their order, then an audit (a full replay compared with the live ledger, which also writes the daily
     * checkpoints) finds it consistent, and for every event the balances as of the instant it was recorded are
     * exactly those the ledger showed once it had applied that event.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("asOfSeeds")
    void anAuditFindsTheLedgerConsistentAndEveryPastStepIsAnsweredAsOfItsTime(long seed) {
        Random random = new Random(seed);
        List<Delivery> stored = storedInterleaved(random, RandomMoneyStreams.draw(random, seed));
        List<RecordedMovement> recorded = new ArrayList<>();
        for (Delivery delivery : stored) {
            recorded.add(new RecordedMovement(delivery.position(), HISTORY_START.plus(RECORDED_APART.multipliedBy(delivery.position())),
                    delivery.movement().eventType(), delivery.movement().entry()));
        }
        MongoDatabase database = client.getDatabase("audited-" + seed);
        Ledger live = new Ledger(database);
        try {
            List<Map<String, Money>> seen = new ArrayList<>();
            for (int step = 0; step < stored.size(); step++) {
                Delivery delivery = stored.get(step);
                live.store.apply(delivery.movement().entry(), delivery.position(), delivery.movement().eventType(),
                        delivery.movement().eventId(), recorded.get(step).recordedAt());
                seen.add(live.balances());
            }
            ListedMovements events = new ListedMovements(recorded);
            DailyCheckpoints checkpoints = new DailyCheckpoints(database);
            LedgerAudit audit = new LedgerAudit(events, checkpoints, new LiveBalances(database),
                    new LiveLedgerPosition(new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class)),
                    database, Clock.systemUTC(), 7, Duration.ZERO);
            AuditReport report = audit.run(new LedgerAudit.Request("audit-" + seed, null, true), new AuditProgress());
            assertThat(report.consistent()).as(report.summary()).isTrue();

            LedgerAsOf asOf = new LedgerAsOf(checkpoints, events);
            for (int step = 0; step < recorded.size(); step++) {
                Instant instant = recorded.get(step).recordedAt();
                Map<String, Money> answered = new TreeMap<>();
                seen.get(step).keySet().forEach(key -> {
                    String[] accountAndCurrency = key.split("/");
                    answered.put(key, asOf.balance(accountAndCurrency[0], accountAndCurrency[1], instant).balance());
                });
                assertThat(answered).as("as of %s, the instant event %d was recorded", instant, step).isEqualTo(seen.get(step));
            }
        } finally {
            database.drop();
        }
    }

    /**
     * The event store's order: the streams merged at random, each keeping its own order (an aggregate's events
     * are appended one after the other), each event numbered with the next global position.
     */
    private static List<Delivery> storedInterleaved(Random random, List<List<Movement>> streams) {
        List<Delivery> stored = new ArrayList<>();
        int[] next = new int[streams.size()];
        long position = 0;
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int stream = 0; stream < streams.size(); stream++) {
                if (next[stream] < streams.get(stream).size()) {
                    open.add(stream);
                }
            }
            if (open.isEmpty()) {
                return stored;
            }
            int stream = open.get(random.nextInt(open.size()));
            // Gaps as a store with concurrent transactions leaves them.
            position += 1 + random.nextInt(3);
            stored.add(new Delivery(streams.get(stream).get(next[stream]++), position));
        }
    }

    /**
     * As a tracking processor hands them over: an event committed late comes after one of another aggregate
     * with a higher position, and now and then a batch comes again after a failed attempt.
     */
    private static List<Delivery> asDelivered(Random random, List<Delivery> stored) {
        List<Delivery> order = new ArrayList<>(stored);
        for (int index = 0; index + 1 < order.size(); index++) {
            Delivery first = order.get(index);
            Delivery second = order.get(index + 1);
            if (!first.movement().aggregateId().equals(second.movement().aggregateId()) && random.nextInt(4) == 0) {
                order.set(index, second);
                order.set(index + 1, first);
                index++;
            }
        }
        List<Delivery> delivered = new ArrayList<>();
        for (int index = 0; index < order.size(); index++) {
            delivered.add(order.get(index));
            if (random.nextInt(10) == 0) {
                int batch = 1 + random.nextInt(Math.min(4, index + 1));
                delivered.addAll(order.subList(index + 1 - batch, index + 1));
            }
        }
        return delivered;
    }

    /** The query side's ledger store and reader on a database of their own. */
    private static final class Ledger {

        private final MongoDatabase database;
        private final LedgerStore store;
        private final LedgerReadModel reader;

        Ledger(MongoDatabase database) {
            this.database = database;
            AccountLists accountLists = new AccountLists(database);
            this.store = new LedgerStore(database, accountLists);
            this.reader = new LedgerReadModel(database, accountLists);
        }

        void apply(Delivery delivery) {
            store.apply(delivery.movement().entry(), delivery.position(), delivery.movement().eventType(),
                    delivery.movement().eventId(), delivery.movement().recordedAt());
        }

        Map<String, Money> balances() {
            Map<String, Money> balances = new TreeMap<>();
            for (String currency : CURRENCIES) {
                for (AccountBalance balance : reader.trialBalance(currency).accounts()) {
                    balances.put(balance.account() + "/" + currency, balance.balance());
                }
            }
            return balances;
        }

        Map<String, Money> trialBalanceTotals() {
            Map<String, Money> totals = new TreeMap<>();
            CURRENCIES.forEach(currency -> totals.put(currency, reader.trialBalance(currency).total()));
            return totals;
        }

        /**
         * Each account's postings as entry and amount, sorted: what its statement lists. Not in statement order,
         * which is the order entries were applied and differs where a late event overtook another.
         */
        Map<String, List<String>> statementAmounts() {
            Map<String, List<String>> statements = new TreeMap<>();
            for (String currency : CURRENCIES) {
                for (AccountBalance balance : reader.trialBalance(currency).accounts()) {
                    List<String> amounts = reader.statement(balance.account(), currency, 1_000, null).stream()
                            .map(posting -> posting.entryId() + " " + posting.amount().amount().toPlainString())
                            .sorted()
                            .toList();
                    statements.put(balance.account() + "/" + currency, amounts);
                }
            }
            return statements;
        }

        void drop() {
            database.drop();
        }
    }

    /** The event store the audit and the as-of answers read, as a list of movements at their global indexes. */
    private record ListedMovements(List<RecordedMovement> movements) implements AuditEventSource {

        @Override
        public long headIndex() {
            return movements.isEmpty() ? -1 : movements.get(movements.size() - 1).globalIndex();
        }

        @Override
        public void read(long afterIndex, long upToIndex, int batchSize, Consumer<EventBatch> batches) {
            List<RecordedMovement> inRange = movements.stream()
                    .filter(movement -> movement.globalIndex() > afterIndex && movement.globalIndex() <= upToIndex)
                    .toList();
            for (int from = 0; from < inRange.size(); from += batchSize) {
                List<RecordedMovement> batch = inRange.subList(from, Math.min(inRange.size(), from + batchSize));
                batches.accept(new EventBatch(batch.get(batch.size() - 1).globalIndex(), batch.size(), batch));
            }
        }
    }
}
