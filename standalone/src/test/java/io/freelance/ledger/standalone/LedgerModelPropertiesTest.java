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
import io.freelance.ledger.standalone.RandomMoneyStreams.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger model the service reads balances from (the query side's {@link LedgerStore} through the real
 * MongoDB driver) fed with what the real aggregates write for random command sequences
 * ({@link RandomMoneyStreams}), delivered the way a tracking processor delivers them: the aggregates' streams
 * interleaved, an event committed late arriving after one with a higher position, and a batch delivered again
 * after a retry. After every delivery the trial balance is zero in every currency and no escrow or pending
 * balance is below zero; at the end a replay of the events once each, in position order, into an empty model
 * gives the same balances and statements as the live model.
 * <p>
 * One seed per case; a failure names the seed that reproduces it. {@code -Dledger.properties.cases=N} runs more.
 */
class LedgerModelPropertiesTest {

    private static final int CASES = Integer.getInteger("ledger.properties.cases", 300);
    private static final List<String> CURRENCIES = RandomMoneyStreams.CURRENCIES;

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
}
