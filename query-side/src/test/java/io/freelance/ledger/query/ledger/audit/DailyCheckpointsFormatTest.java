package io.freelance.ledger.query.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.ledger.audit.Checkpoints.BalanceCheckpoints;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A balance's end-of-day checkpoints read back as written, in today's layout and in the one written before it. */
class DailyCheckpointsFormatTest {

    private static final String BALANCE_ID = "escrow:c1|USD";

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("checkpoints-format-test");
    private final DailyCheckpoints checkpoints = new DailyCheckpoints(database);

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void endOfDayBalancesReadBackAsWritten() {
        TreeMap<LocalDate, Long> endOfDay = new TreeMap<>(Map.of(
                LocalDate.parse("1969-12-31"), -5L,
                LocalDate.parse("2026-10-01"), 10_500L,
                LocalDate.parse("2026-10-03"), 0L,
                LocalDate.parse("2026-10-04"), 9_007_199_254_740_993L));
        ShadowBalance balance = new ShadowBalance("escrow:c1", "USD", "ESCROW", "c1");
        checkpoints.replace(new Checkpoints(LocalDate.parse("2026-10-05"), 41, 40, "audit-1",
                Map.of(BALANCE_ID, new BalanceCheckpoints(balance, endOfDay)), new TreeMap<>()));

        BalanceCheckpoints read = checkpoints.balance(BALANCE_ID).orElseThrow();

        assertThat(read.endOfDayMinorUnits()).containsExactlyEntriesOf(endOfDay);
        assertThat(read.balance().account()).isEqualTo("escrow:c1");
    }

    @Test
    void checkpointsWrittenAsOneDocumentPerDayStillRead() {
        database.getCollection(DailyCheckpoints.BALANCES).insertOne(new Document("_id", BALANCE_ID)
                .append("account", "escrow:c1").append("currency", "USD").append("kind", "ESCROW").append("ownerId", "c1")
                .append("days", List.of(
                        new Document("day", "2026-10-01").append("balanceMinorUnits", 10_500L),
                        new Document("day", "2026-10-02").append("balanceMinorUnits", 7_000L))));

        BalanceCheckpoints read = checkpoints.balance(BALANCE_ID).orElseThrow();

        assertThat(read.endOfDayMinorUnits()).containsExactly(
                Map.entry(LocalDate.parse("2026-10-01"), 10_500L), Map.entry(LocalDate.parse("2026-10-02"), 7_000L));
    }
}
