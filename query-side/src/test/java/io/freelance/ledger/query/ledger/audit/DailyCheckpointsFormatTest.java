package io.freelance.ledger.query.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.freelance.ledger.query.ledger.audit.Checkpoints.BalanceCheckpoints;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A balance's end-of-day checkpoints read back as written; a set in an older layout is not used at all. */
class DailyCheckpointsFormatTest {

    private static final String BALANCE_ID = "escrow:c1|USD";
    private static final ShadowBalance BALANCE = new ShadowBalance("escrow:c1", "USD", "ESCROW", "c1");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoDatabase database = mongo.database("checkpoints-format-test");
    private final DailyCheckpoints checkpoints = new DailyCheckpoints(database);

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void endOfDayBalancesReadBackAsWritten() {
        long[] days = {LocalDate.parse("1969-12-31").toEpochDay(), LocalDate.parse("2026-10-01").toEpochDay(),
                LocalDate.parse("2026-10-03").toEpochDay(), LocalDate.parse("2026-10-04").toEpochDay()};
        long[] balances = {-5L, 10_500L, 0L, 9_007_199_254_740_993L};
        checkpoints.replace(new Checkpoints(LocalDate.parse("2026-10-05"), 41, 40, "audit-1",
                Map.of(BALANCE_ID, new BalanceCheckpoints(BALANCE, days, balances)), new TreeMap<>()));

        BalanceCheckpoints read = checkpoints.balance(BALANCE_ID).orElseThrow();

        assertThat(read.epochDays()).containsExactly(days);
        assertThat(read.endOfDayMinorUnits()).containsExactly(balances);
        assertThat(read.balance().account()).isEqualTo("escrow:c1");
        assertThat(read.balance().ownerId()).isEqualTo("c1");
        assertThat(checkpoints.balancesIn("USD")).containsOnlyKeys(BALANCE_ID);
        assertThat(checkpoints.coverage().exist()).isTrue();
        assertThat(checkpoints.coverage().openFromIndex()).isEqualTo(41);
    }

    @Test
    void theBalanceBeforeADayIsTheEndOfTheLastDayBeforeIt() {
        BalanceCheckpoints checkpoint = new BalanceCheckpoints(BALANCE,
                new long[] {day("2026-10-01"), day("2026-10-03"), day("2026-10-07")}, new long[] {100, 250, -40});

        assertThat(checkpoint.before(LocalDate.parse("2026-09-30"))).as("before the first movement").isZero();
        assertThat(checkpoint.before(LocalDate.parse("2026-10-01"))).as("the first day itself is not before it").isZero();
        assertThat(checkpoint.before(LocalDate.parse("2026-10-02"))).isEqualTo(100);
        assertThat(checkpoint.before(LocalDate.parse("2026-10-03"))).isEqualTo(100);
        assertThat(checkpoint.before(LocalDate.parse("2026-10-04"))).isEqualTo(250);
        assertThat(checkpoint.before(LocalDate.parse("2026-12-31"))).isEqualTo(-40);
        assertThat(checkpoint.before(LocalDate.MIN)).isZero();
    }

    @Test
    void aNewAuditReplacesEveryCheckpointOfTheLastOne() {
        checkpoints.replace(new Checkpoints(LocalDate.parse("2026-10-05"), 41, 40, "audit-1",
                Map.of("escrow:old|USD", new BalanceCheckpoints(BALANCE, new long[] {1}, new long[] {5})), new TreeMap<>()));
        checkpoints.replace(new Checkpoints(LocalDate.parse("2026-10-06"), 51, 50, "audit-2",
                Map.of(BALANCE_ID, new BalanceCheckpoints(BALANCE, new long[] {2}, new long[] {7})), new TreeMap<>()));

        assertThat(checkpoints.balance("escrow:old|USD")).isEmpty();
        assertThat(checkpoints.balance(BALANCE_ID).orElseThrow().endOfDayMinorUnits()).containsExactly(7);
        assertThat(checkpoints.coverage().auditId()).isEqualTo("audit-2");
    }

    /** The embedded store logged an ERROR with a stack trace for each drop of a collection that did not exist yet. */
    @Test
    void theFirstAuditOfAStoreLogsNoError() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            checkpoints.replace(new Checkpoints(LocalDate.parse("2026-10-05"), 41, 40, "audit-1",
                    Map.of(BALANCE_ID, new BalanceCheckpoints(BALANCE, new long[] {1}, new long[] {5})), new TreeMap<>()));
        } finally {
            root.detachAppender(logged);
        }

        assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(checkpoints.balance(BALANCE_ID)).isPresent();
    }

    /** Written by earlier versions: arrays of numbers with no layout on the coverage, or one document per day. */
    @Test
    void checkpointsInAnOlderLayoutAreNotUsedSoAnswersReadFromTheFirstEvent() {
        database.getCollection(DailyCheckpoints.COVERAGE).insertOne(new Document("_id", "coverage")
                .append("openDay", "2026-10-05").append("openFromIndex", 41L).append("upToIndex", 40L).append("auditId", "audit-0"));
        database.getCollection(DailyCheckpoints.BALANCES).insertOne(new Document("_id", BALANCE_ID)
                .append("account", "escrow:c1").append("currency", "USD").append("kind", "ESCROW").append("ownerId", "c1")
                .append("epochDays", List.of(day("2026-10-01"))).append("endOfDayMinorUnits", List.of(10_500L)));
        database.getCollection(DailyCheckpoints.BALANCES).insertOne(new Document("_id", "escrow:c2|USD")
                .append("account", "escrow:c2").append("currency", "USD").append("kind", "ESCROW").append("ownerId", "c2")
                .append("days", List.of(new Document("day", "2026-10-01").append("balanceMinorUnits", 10_500L))));

        assertThat(checkpoints.coverage().exist()).isFalse();
        assertThat(checkpoints.balance(BALANCE_ID)).isEmpty();
        assertThat(checkpoints.balance("escrow:c2|USD")).isEmpty();
        assertThat(checkpoints.balancesIn("USD")).isEmpty();
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }
}
