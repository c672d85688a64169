package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.ledger.LedgerFields;
import io.freelance.ledger.query.ledger.audit.AuditEventSource;
import io.freelance.ledger.query.ledger.audit.StreamingAuditEventSource;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import io.freelance.ledger.standalone.audit.AuditCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Finance audits through the real paths: a fixed-price flow over GraphQL, then the audit over GraphQL
 * (consistent; then inconsistent, naming the exact difference, after the live balance is altered), the
 * command line on the stopped service's data directory, and a rebuild of the live ledger from the events
 * that brings it back. No audit or rebuild stores a single event: a replay repeats no command.
 */
class FinanceAuditJourneyTest {

    private static final String START_AUDIT = """
            mutation($asOf: DateTime) { startLedgerAudit(input: {asOf: $asOf}) { run { id status } } }""";
    private static final String AUDIT_RUN = """
            query($id: ID!) { ledgerAuditRun(id: $id) {
              id status failure
              progress { eventsDone eventsTotal percentDone eventsPerSecond secondsLeft }
              report { upToIndex eventsRead journalEntries consistent summary csv
                differences { account currency expected { amount } actual { amount } difference { amount } }
                trialBalances { currency replayedTotal { amount } liveTotal { amount } balanced } } } }""";

    private final Path dataDirectory = Path.of("target", "test-data", "audit-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void anAuditFindsTheLedgerConsistentReportsAnAlteredBalanceExactlyAndARebuildRepairsIt() throws Exception {
        FixedPriceFlow flow = new FixedPriceFlow("audit-flow", DemoUser.ALICE, DemoUser.CAROL, "USD", new BigDecimal("200.00"));
        String escrow;
        try (ConfigurableApplicationContext service = start()) {
            LedgerApi api = api(service);
            for (FlowStep step : FlowStep.values()) {
                assertThat(flow.perform(api, step).acknowledged()).as(step.name()).isTrue();
            }
            escrow = "escrow:" + flow.contractId().orElseThrow();
            Instant afterFunding = Instant.now();
            long events = storedEventCount(service);

            JsonNode consistent = auditOverGraphQl(api, afterFunding);
            assertThat(consistent.path("status").asString()).isEqualTo("CONSISTENT");
            assertThat(consistent.path("progress").path("eventsDone").asLong())
                    .isEqualTo(consistent.path("progress").path("eventsTotal").asLong()).isGreaterThanOrEqualTo(events);
            assertThat(consistent.path("report").path("differences")).isEmpty();
            assertThat(consistent.path("report").path("trialBalances").findValuesAsString("balanced")).isNotEmpty();
            assertThat(consistent.path("report").path("trialBalances").get(0).path("balanced").asBoolean()).isTrue();
            assertThat(consistent.path("report").path("csv").asString()).contains("SUMMARY").contains("CONSISTENT");
            assertThat(balanceAsOf(api, escrow, Instant.now())).isEqualByComparingTo(api.balance(escrow, "USD"));
            assertThat(storedEventCount(service)).as("the audit stored no event").isEqualTo(events);
            assertThat(movements(new StreamingAuditEventSource(() -> service.getBean(EventStore.class))))
                    .as("Axon's stream, the read for Axon Server mode, finds what the table read finds")
                    .isEqualTo(movements(service.getBean(AuditEventSource.class))).isNotEmpty();

            BigDecimal escrowBalance = api.balance(escrow, "USD");
            alterLiveBalance(service, escrow, 1_234);
            JsonNode inconsistent = auditOverGraphQl(api, null);
            assertThat(inconsistent.path("status").asString()).isEqualTo("INCONSISTENT");
            assertThat(inconsistent.path("report").path("differences")).singleElement().satisfies(difference -> {
                assertThat(difference.path("account").asString()).isEqualTo(escrow);
                assertThat(difference.path("currency").asString()).isEqualTo("USD");
                assertThat(new BigDecimal(difference.path("expected").path("amount").asString())).isEqualByComparingTo(escrowBalance);
                assertThat(new BigDecimal(difference.path("actual").path("amount").asString()))
                        .isEqualByComparingTo(escrowBalance.add(new BigDecimal("12.34")));
                assertThat(difference.path("difference").path("amount").asString()).isEqualTo("12.34");
            });

            // The command line while the service still holds the files: one clear sentence, not a failed start-up.
            CommandLineRun refused = runCommandLine("--data-dir", dataDirectory.toString(), "--out", csv("refused").toString());
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.output()).contains("event-store.mv.db").contains("held by another process")
                    .contains("Stop the service first").doesNotContain("Exception");
            assertThat(csv("refused")).doesNotExist();
        }

        CommandLineRun failing = runCommandLine("--data-dir", dataDirectory.toString(), "--out", csv("inconsistent").toString());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.output()).contains("INCONSISTENT").contains("1 balance difference");
        assertThat(Files.readString(csv("inconsistent"))).contains("DIFFERENCE," + escrow + ",USD,");

        try (ConfigurableApplicationContext service = start()) {
            LedgerApi api = api(service);
            long events = storedEventCount(service);
            api.call(DemoUser.ERIN, "mutation { rebuildLedgerFromEvents { started } }", Map.of())
                    .dataAt("rebuildLedgerFromEvents.started");
            Waiting.until(Duration.ofSeconds(60), () -> "CONSISTENT".equals(auditOverGraphQl(api, null).path("status").asString())
                    ? List.of() : List.of("the rebuilt ledger is not consistent yet"));
            assertThat(storedEventCount(service)).as("the replay repeated no command").isEqualTo(events);
        }

        Instant asOf = Instant.now();
        CommandLineRun passing = runCommandLine("--data-dir", dataDirectory.toString(), "--as-of", asOf.toString(),
                "--out", csv("consistent").toString());
        assertThat(passing.exitCode()).as(passing.output()).isZero();
        assertThat(passing.output()).contains("CONSISTENT");
        String report = Files.readString(csv("consistent"));
        assertThat(report).startsWith("record,account,currency,expected,actual,difference")
                .contains("TRIAL_BALANCE,,USD,0.00,0.00,")
                .contains("BALANCE_AS_OF_RECORDED," + escrow + ",USD,")
                .doesNotContain("DIFFERENCE,");
    }

    private JsonNode auditOverGraphQl(LedgerApi api, Instant asOf) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("asOf", asOf == null ? null : asOf.toString());
        String id = api.call(DemoUser.ERIN, START_AUDIT, variables).dataAt("startLedgerAudit.run.id").asString();
        JsonNode[] run = new JsonNode[1];
        Waiting.until(Duration.ofSeconds(60), () -> {
            run[0] = api.call(DemoUser.ERIN, AUDIT_RUN, Map.of("id", id)).dataAt("ledgerAuditRun");
            return "RUNNING".equals(run[0].path("status").asString()) ? List.of("audit " + id + " still running") : List.of();
        });
        assertThat(run[0].path("failure").isNull()).as(run[0].toString()).isTrue();
        return run[0];
    }

    private static List<String> movements(AuditEventSource source) {
        List<String> found = new java.util.ArrayList<>();
        source.read(-1, source.headIndex(), 3, batch -> batch.movements().forEach(movement -> found.add(
                movement.globalIndex() + " " + movement.entry().entryId() + " " + movement.recordedAt())));
        return found;
    }

    private static BigDecimal balanceAsOf(LedgerApi api, String account, Instant asOf) {
        Response response = api.call(DemoUser.ERIN, """
                query($account: String!, $asOf: DateTime!) {
                  ledgerBalanceAsOf(account: $account, currency: "USD", asOf: $asOf) { balance { amount } } }""",
                Map.of("account", account, "asOf", asOf.toString()));
        return new BigDecimal(response.dataAt("ledgerBalanceAsOf.balance.amount").asString());
    }

    private static void alterLiveBalance(ConfigurableApplicationContext service, String account, long minorUnits) {
        service.getBean(MongoDatabase.class).getCollection(LedgerFields.BALANCES).updateOne(
                new Document("_id", LedgerFields.balanceId(account, "USD")), Updates.inc(LedgerFields.BALANCE_MINOR_UNITS, minorUnits));
    }

    private record CommandLineRun(int exitCode, String output) {
    }

    private static CommandLineRun runCommandLine(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = AuditCommand.execute(StandaloneApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args).exitCode();
        return new CommandLineRun(exitCode, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private Path csv(String name) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + name + ".csv");
    }

    private static long storedEventCount(ConfigurableApplicationContext service) {
        return new JdbcTemplate(service.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory, "--server.port=0", "--ledger.deadlines.polling-interval=PT0.2S");
    }

    private static LedgerApi api(ConfigurableApplicationContext context) {
        return new LedgerApi("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }
}
