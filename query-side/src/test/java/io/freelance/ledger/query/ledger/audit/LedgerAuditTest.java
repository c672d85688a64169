package io.freelance.ledger.query.ledger.audit;

import static io.freelance.ledger.query.testsupport.Entries.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.ledger.AccountBalance;
import io.freelance.ledger.query.ledger.AccountLists;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.LedgerStore;
import io.freelance.ledger.query.ledger.TrialBalance;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The full audit against a live ledger fed the same history, and as-of answers against the history summed by hand. */
class LedgerAuditTest {

    /** The audit runs on day 8 of the history: days 1 to 7 get checkpoints, the rest is read from the events. */
    private static final Instant AUDIT_DAY = Instant.parse("2026-10-08T12:00:00Z");
    private static final int MOVEMENTS = 400;

    private static InMemoryMongo mongo;
    private static MongoDatabase database;
    private static LedgerStore liveStore;
    private static DailyCheckpoints checkpoints;

    private ListedEvents events;
    private List<RecordedMovement> history;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        database = mongo.database("ledger-audit-test");
        liveStore = new LedgerStore(database, new AccountLists(database));
        checkpoints = new DailyCheckpoints(database);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void liveLedgerAppliedTheHistory() {
        liveStore.deleteAll();
        database.getCollection(DailyCheckpoints.COVERAGE).deleteMany(new Document());
        events = new ListedEvents();
        history = RandomHistory.generate(42, MOVEMENTS);
        for (RecordedMovement movement : history) {
            events.store(movement);
            liveStore.apply(movement.entry(), movement.globalIndex(), movement.eventType(), "event-" + movement.globalIndex(),
                    movement.recordedAt());
        }
    }

    @Test
    void aLiveLedgerThatFollowsTheEventsIsConsistent() {
        AuditReport report = audit(null);

        assertThat(report.differences()).isEmpty();
        assertThat(report.consistent()).isTrue();
        assertThat(report.movementsApplied()).isEqualTo(MOVEMENTS);
        assertThat(report.upToIndex()).isEqualTo(2L * MOVEMENTS - 1);
        assertThat(report.trialBalances()).singleElement().satisfies(total -> {
            assertThat(total.currency()).isEqualTo("USD");
            assertThat(total.replayedTotal()).isEqualTo(usd("0.00"));
            assertThat(total.balanced()).isTrue();
        });
        assertThat(database.getCollection(LedgerAudit.SHADOW_BALANCES).countDocuments())
                .isEqualTo(RandomHistory.accounts(history).size());
    }

    @Test
    void aCorruptedLiveBalanceIsReportedExactly() {
        String escrow = LedgerAccounts.escrow("contract-1").name();
        Money expected = RandomHistory.balanceAsOf(history, escrow, Instant.MAX);
        database.getCollection(LedgerFields.BALANCES).updateOne(new Document("_id", LedgerFields.balanceId(escrow, "USD")),
                Updates.inc(LedgerFields.BALANCE_MINOR_UNITS, 1_234L));

        AuditReport report = audit(null);

        assertThat(report.consistent()).isFalse();
        assertThat(report.differences()).containsExactly(new BalanceDifference(escrow, "USD", expected,
                new Money(expected.amount().add(new java.math.BigDecimal("12.34")), "USD")));
        assertThat(report.trialBalances().get(0).liveTotal()).isEqualTo(usd("12.34"));
        assertThat(report.summary()).startsWith("INCONSISTENT").contains("1 balance difference");
        assertThat(AuditCsv.report(report)).contains("DIFFERENCE," + escrow + ",USD," + expected.amount().toPlainString());
    }

    @Test
    void entriesTheLiveLedgerAppliedAfterTheAuditReadAreNotDifferences() {
        RecordedMovement later = RandomHistory.generate(7, 1).get(0);
        liveStore.apply(later.entry(), 10_000, later.eventType(), "event-10000", later.recordedAt());

        AuditReport report = audit(null);

        assertThat(report.differences()).isEmpty();
    }

    @Test
    void balancesAsOfAnInstantAreReportedByRecordedAndByEffectiveTime() {
        Instant asOf = Instant.parse("2026-10-04T09:30:00Z");

        AuditReport report = audit(asOf);

        for (AccountBalance balance : report.balancesAsOfRecorded()) {
            assertThat(balance.balance()).as(balance.account())
                    .isEqualTo(RandomHistory.balanceAsOf(history, balance.account(), asOf));
        }
        assertThat(report.balancesAsOfEffective()).isNotEqualTo(report.balancesAsOfRecorded());
    }

    @Test
    void balanceAsOfAnyInstantEqualsTheHistoryRecordedUpToIt() {
        audit(null);
        LedgerAsOf asOf = new LedgerAsOf(checkpoints, events);
        Random random = new Random(3);
        List<String> accounts = RandomHistory.accounts(history);
        for (Instant instant : instantsToCheck(random)) {
            String account = accounts.get(random.nextInt(accounts.size()));
            assertThat(asOf.balance(account, "USD", instant).balance()).as(account + " as of " + instant)
                    .isEqualTo(RandomHistory.balanceAsOf(history, account, instant));
        }
    }

    @Test
    void anInstantBeforeTheAuditReadsOnlyTheEventsOfItsDay() {
        audit(null);
        events.rangesRead().clear();
        Instant instant = Instant.parse("2026-10-05T17:45:00Z");
        String escrow = LedgerAccounts.escrow("contract-2").name();

        Money balance = new LedgerAsOf(checkpoints, events).balance(escrow, "USD", instant).balance();

        assertThat(balance).isEqualTo(RandomHistory.balanceAsOf(history, escrow, instant));
        assertThat(events.rangesRead()).allSatisfy(range -> {
            assertThat(range[0]).as("read from index").isGreaterThan(100);
            assertThat(range[1] - range[0]).as("indexes read").isLessThan(2 * 24 * 60 / 37 + 10);
        });
    }

    @Test
    void withoutAnAuditTheAnswerIsStillExact() {
        Instant instant = Instant.parse("2026-10-03T00:00:00Z");
        String pending = LedgerAccounts.freelancerPending("freelancer-1").name();

        assertThat(new LedgerAsOf(checkpoints, events).balance(pending, "USD", instant).balance())
                .isEqualTo(RandomHistory.balanceAsOf(history, pending, instant));
    }

    @Test
    void theTrialBalanceAsOfAnInstantIsZeroAndCoversEveryAccount() {
        audit(null);
        LedgerAsOf asOf = new LedgerAsOf(checkpoints, events);
        for (Instant instant : List.of(Instant.parse("2026-10-02T13:00:00Z"), Instant.parse("2026-10-09T08:00:00Z"))) {
            TrialBalance trialBalance = asOf.trialBalance("USD", instant);

            assertThat(trialBalance.total()).isEqualTo(usd("0.00"));
            for (AccountBalance balance : trialBalance.accounts()) {
                assertThat(balance.balance()).isEqualTo(RandomHistory.balanceAsOf(history, balance.account(), instant));
            }
        }
    }

    @Test
    void aStatementRunsFromTheOpeningBalanceThroughEveryMovementToTheClosingBalance() {
        audit(null);
        String fees = LedgerAccounts.MARKETPLACE_FEES.name();
        Instant from = Instant.parse("2026-10-06T10:00:00Z");
        Instant to = Instant.parse("2026-10-09T10:00:00Z");

        AccountStatement statement = new LedgerAsOf(checkpoints, events).statement(fees, "USD", from, to);

        assertThat(statement.openingBalance()).isEqualTo(RandomHistory.balanceAsOf(history, fees, from));
        assertThat(statement.closingBalance()).isEqualTo(RandomHistory.balanceAsOf(history, fees, to));
        assertThat(statement.lines()).isNotEmpty().allSatisfy(line ->
                assertThat(line.recordedAt()).isAfter(from).isBeforeOrEqualTo(to));
        assertThat(statement.lines().get(statement.lines().size() - 1).balanceAfter()).isEqualTo(statement.closingBalance());
        assertThat(AuditCsv.statement(statement).lines()).hasSize(statement.lines().size() + 1);
    }

    @Test
    void aStatementPeriodIsBounded() {
        LedgerAsOf asOf = new LedgerAsOf(checkpoints, events);
        Instant from = Instant.parse("2026-10-01T00:00:00Z");

        assertThatThrownBy(() -> asOf.statement("escrow:contract-1", "USD", from, from.plus(Duration.ofDays(40))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most 32 days");
        assertThatThrownBy(() -> asOf.statement("escrow:contract-1", "USD", from, from))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("must end after it starts");
    }

    private AuditReport audit(Instant asOf) {
        LedgerAudit audit = new LedgerAudit(events, checkpoints, new LiveBalances(database),
                new LiveLedgerPosition(new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class)),
                database, Clock.fixed(AUDIT_DAY, ZoneOffset.UTC), 50, Duration.ofSeconds(1));
        return audit.run(new LedgerAudit.Request("test-audit", asOf, true), new AuditProgress());
    }

    /** Midnights, the recorded instants themselves and a second either side, and random instants over the whole history. */
    private List<Instant> instantsToCheck(Random random) {
        List<Instant> instants = new java.util.ArrayList<>();
        for (int day = 0; day <= 12; day++) {
            Instant midnight = RandomHistory.FIRST.minus(Duration.ofMinutes(20)).plus(Duration.ofDays(day));
            instants.add(midnight);
            instants.add(midnight.minusNanos(1));
        }
        for (int sample = 0; sample < 40; sample++) {
            Instant recorded = history.get(random.nextInt(history.size())).recordedAt();
            instants.add(recorded);
            instants.add(recorded.minusSeconds(1));
            instants.add(recorded.plusSeconds(1));
            instants.add(RandomHistory.FIRST.minus(Duration.ofDays(1))
                    .plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60))));
        }
        return instants;
    }
}
