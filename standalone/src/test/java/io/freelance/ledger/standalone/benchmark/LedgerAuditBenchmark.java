package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.ledger.audit.AuditProgress;
import io.freelance.ledger.query.ledger.audit.AuditReport;
import io.freelance.ledger.query.ledger.audit.LedgerAsOf;
import io.freelance.ledger.query.ledger.audit.LedgerAudit;
import io.freelance.ledger.standalone.StandaloneApplication;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The finance audit over a generated history (system property {@code audit.events}, 200,000 by default;
 * the figure is 1,000,000): every event a money movement (a milestone funding: client, escrow and
 * fee legs) on one of 2,000 contracts, recorded over the past year. Prints in one run: the event store's
 * raw read rate (every row and payload, no deserializing), the full audit's events/s (read, rebuild, bulk
 * write of the shadow balances and checkpoints), and as-of balance queries in ms. The live projections
 * are stopped first, so they take no CPU from the audit and the audit compares nothing. Figures, not
 * pass/fail; only the results are checked (the replayed trial balance is zero, as-of answers are exact).
 */
@Tag("benchmark")
class LedgerAuditBenchmark {

    private static final int EVENTS = Integer.getInteger("audit.events", 200_000);
    private static final int CONTRACTS = 2_000;
    private static final int CLIENTS = 500;
    private static final int APPEND_BATCH = 2_000;
    private static final int AS_OF_QUERIES = 200;
    private static final Duration HISTORY = Duration.ofDays(360);
    /** The audit's defaults: {@code ledger.audit.batch-size} and {@code ledger.audit.readers}. */
    private static final int AUDIT_BATCH = 10_000;
    private static final int READERS = Runtime.getRuntime().availableProcessors();

    @Test
    void fullAuditAndAsOfQueriesBesideTheRawReadRate() {
        Path dataDirectory = Path.of("target", "benchmark-data", "audit-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory, "--server.port=0", "--logging.level.root=WARN")) {
            stopProcessors(service);
            Instant first = Instant.now().minus(HISTORY).minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
            long generateStarted = System.nanoTime();
            long[] escrowOfContract0 = generate(service, first);
            double generateSeconds = seconds(generateStarted);

            DataSource dataSource = service.getBean(DataSource.class);
            double coldRawRowsPerSecond = rawReadRate(dataSource);
            double rawRowsPerSecond = rawReadRate(dataSource);

            double firstAuditSeconds = timedAudit(service);
            double auditSeconds = timedAudit(service);

            LedgerAsOf asOf = service.getBean(LedgerAsOf.class);
            String escrow0 = LedgerAccounts.escrow("contract-0").name();
            Instant midHistory = first.plus(HISTORY.dividedBy(2)).plusSeconds(3_600 * 7 + 17);
            assertThat(asOf.balance(escrow0, "USD", Instant.now()).balance().amount())
                    .isEqualByComparingTo(BigDecimal.valueOf(escrowOfContract0[0], 2));
            long[] latenciesMicros = new long[AS_OF_QUERIES];
            Random random = new Random(5);
            for (int query = 0; query < AS_OF_QUERIES; query++) {
                String account = LedgerAccounts.escrow("contract-" + random.nextInt(CONTRACTS)).name();
                Instant instant = first.plusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
                long started = System.nanoTime();
                asOf.balance(account, "USD", instant);
                latenciesMicros[query] = (System.nanoTime() - started) / 1_000;
            }
            Arrays.sort(latenciesMicros);
            long trialStarted = System.nanoTime();
            asOf.trialBalance("USD", midHistory);
            double trialMillis = seconds(trialStarted) * 1000;

            String table = String.join("\n",
                    "",
                    String.format("Ledger audit benchmark: %,d events (all money movements), %,d contracts, generated in %.1f s",
                            EVENTS, CONTRACTS, generateSeconds),
                    "| measure | figure |",
                    "|---|---|",
                    String.format("| event store raw read (rows and payloads, no deserializing; %d readers as the audit uses) "
                            + "| %,.0f events/s (first pass: %,.0f) |", READERS, rawRowsPerSecond, coldRawRowsPerSecond),
                    String.format("| full audit replay (read, rebuild, write shadow + checkpoints) | %,.0f events/s (%.1f s; first run: %,.0f events/s) |",
                            EVENTS / auditSeconds, auditSeconds, EVENTS / firstAuditSeconds),
                    String.format("| as-of balance, one account, random instant (%d queries) | p50 %.1f ms, p99 %.1f ms, max %.1f ms |",
                            AS_OF_QUERIES, latenciesMicros[AS_OF_QUERIES / 2] / 1000.0,
                            latenciesMicros[AS_OF_QUERIES * 99 / 100] / 1000.0, latenciesMicros[AS_OF_QUERIES - 1] / 1000.0),
                    String.format("| as-of trial balance, every account in USD | %.0f ms |", trialMillis),
                    "");
            System.out.println(table);
        }
    }

    /** A processor still claiming its segments right after start-up can refuse to stop at once; it is asked again. */
    private static void stopProcessors(ConfigurableApplicationContext service) {
        for (EventProcessor processor : service.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
            for (int attempt = 1; processor.isRunning(); attempt++) {
                try {
                    processor.shutdownAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    if (attempt == 5) {
                        throw new IllegalStateException("Could not stop " + processor.getName(), e);
                    }
                }
            }
        }
    }

    /** Appends the history straight to the storage engine in batches; answers contract-0's escrow balance in cents. */
    private static long[] generate(ConfigurableApplicationContext service, Instant first) {
        EventStorageEngine engine = service.getBean(EventStorageEngine.class);
        TransactionManager transactions = service.getBean(TransactionManager.class);
        Random random = new Random(11);
        long[] sequences = new long[CONTRACTS];
        long[] escrowOfContract0 = new long[1];
        long spacingMillis = HISTORY.toMillis() / EVENTS;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>(APPEND_BATCH);
        for (int number = 0; number < EVENTS; number++) {
            int contract = random.nextInt(CONTRACTS);
            String contractId = "contract-" + contract;
            long cents = 500 + random.nextInt(200_000);
            long feeCents = cents / 20;
            Instant recordedAt = first.plusMillis(spacingMillis * number);
            JournalEntry entry = new JournalEntry("entry-" + number, recordedAt,
                    EntryCause.milestone("milestone-funding", contractId, "m-" + number), FeeRates.UPWORK_DEFAULT,
                    new ArrayList<>(List.of(
                            new JournalLeg(LedgerAccounts.clientCharges("client-" + contract % CLIENTS), usd(-(cents + feeCents))),
                            new JournalLeg(LedgerAccounts.escrow(contractId), usd(cents)),
                            new JournalLeg(LedgerAccounts.MARKETPLACE_FEES, usd(feeCents)))));
            if (contract == 0) {
                escrowOfContract0[0] += cents;
            }
            MilestoneFundedEvent funded = new MilestoneFundedEvent("escrow-" + contractId, contractId, "m-" + number,
                    "request-" + number, usd(cents), usd(0), usd(cents + feeCents), usd(feeCents), entry, recordedAt);
            batch.add(new GenericDomainEventMessage<>("EscrowAccount", "escrow-" + contractId, sequences[contract]++,
                    funded, Map.of(), UUID.randomUUID().toString(), recordedAt));
            if (batch.size() == APPEND_BATCH || number == EVENTS - 1) {
                List<GenericDomainEventMessage<?>> appended = List.copyOf(batch);
                transactions.executeInTransaction(() -> engine.appendEvents(appended));
                batch.clear();
            }
        }
        return escrowOfContract0;
    }

    /** The audit replay from the first event, checked, in seconds. */
    private static double timedAudit(ConfigurableApplicationContext service) {
        long started = System.nanoTime();
        AuditReport report = service.getBean(LedgerAudit.class)
                .run(new LedgerAudit.Request("benchmark", null, false), new AuditProgress());
        double seconds = seconds(started);
        assertThat(report.trialBalances()).allSatisfy(total -> assertThat(total.replayedTotal().isZero()).isTrue());
        assertThat(report.eventsRead()).isEqualTo(EVENTS);
        return seconds;
    }

    /**
     * Every row and its payload bytes, nothing deserialized, read as the audit reads: ranges of one batch over
     * the primary key, {@link #READERS} at a time. The second pass is the figure; the first warms H2's page cache
     * and the JIT, as the audit's first run is warmed by nothing.
     */
    private static double rawReadRate(DataSource dataSource) {
        long started = System.nanoTime();
        long head = headIndex(dataSource);
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(READERS);
        try {
            List<java.util.concurrent.Future<Long>> ranges = new ArrayList<>();
            for (long after = 0; after < head; after += AUDIT_BATCH) {
                long rangeAfter = after;
                ranges.add(readers.submit(() -> rawRange(dataSource, rangeAfter, rangeAfter + AUDIT_BATCH, rows)));
            }
            long bytes = 0;
            for (java.util.concurrent.Future<Long> range : ranges) {
                bytes += range.get();
            }
            assertThat(bytes).isPositive();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            readers.shutdownNow();
        }
        assertThat(rows.get()).isEqualTo(EVENTS);
        return rows.get() / seconds(started);
    }

    private static long headIndex(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT MAX(GLOBAL_INDEX) FROM DOMAIN_EVENT_ENTRY")) {
            head.next();
            return head.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rawRange(DataSource dataSource, long after, long upTo, java.util.concurrent.atomic.AtomicLong rows)
            throws java.sql.SQLException {
        long bytes = 0;
        try (Connection connection = dataSource.getConnection(); java.sql.PreparedStatement statement = connection.prepareStatement(
                "SELECT GLOBAL_INDEX, TIME_STAMP, PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD FROM DOMAIN_EVENT_ENTRY "
                        + "WHERE GLOBAL_INDEX > ? AND GLOBAL_INDEX <= ? ORDER BY GLOBAL_INDEX")) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.incrementAndGet();
                    bytes += result.getBytes(5).length;
                }
            }
        }
        return bytes;
    }

    private static Money usd(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2), "USD");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
