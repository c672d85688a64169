package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.LedgerApi.milestoneIn;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The distributed mode end to end: Axon Server, MongoDB and PostgreSQL in containers, and the
 * command side and the query side as two separate Spring Boot applications with their own settings
 * files. Every mutation enters the query side over HTTP GraphQL and reaches the command side only
 * through Axon Server; its events come back the same way into the query side's MongoDB projections.
 * Deadlines live in PostgreSQL, where the test moves them forward in time.
 * <p>
 * Needs a Docker engine; without one JUnit reports the class as skipped, with the reason.
 */
@Testcontainers(disabledWithoutDocker = true, parallel = true)
class DistributedModeTest {

    private static final Duration A_MINUTE = Duration.ofMinutes(1);
    private static final Duration AUTO_RELEASE_AFTER = Duration.ofDays(14);
    private static final Duration WAIT_FOR_PROJECTIONS = Duration.ofSeconds(30);
    private static final String DATABASE = "ledger";
    private static final String CURRENCY = "USD";

    /** The users the query side is started with in this test; passwords are the demo users' own. */
    private static final List<Map.Entry<DemoUser, Role>> USERS =
            List.of(entry(ALICE, Role.CLIENT), entry(CAROL, Role.FREELANCER), entry(ERIN, Role.FINANCE));

    /**
     * Single node, as docker compose runs it with {@code AXONIQ_AXONSERVER_STANDALONE}: the container
     * initialises the node and its {@code default} context itself once it is up (setting the variable
     * as well would make that initialisation fail on an already initialised node). It advertises
     * itself as localhost, where the test reaches it through the mapped port.
     */
    @Container
    private static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:2025.2.1")
            .withDevMode(false)
            .withAxonServerHostname("localhost");

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17")
            .withDatabaseName(DATABASE)
            .withUsername(DATABASE)
            .withPassword(DATABASE);

    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;
    private static LedgerApi api;

    @BeforeAll
    static void startBothSides() {
        // One after the other, as docker compose orders them: both update the same PostgreSQL schema.
        commandSide = DistributedApplications.startCommandSide(Map.ofEntries(
                entry("axon.axonserver.servers", AXON_SERVER.getAxonServerAddress()),
                // Both applications share this JVM, whose name is each one's default client id.
                entry("axon.axonserver.client-id", "command-side-test"),
                entry("spring.datasource.url", POSTGRES.getJdbcUrl()),
                entry("spring.datasource.username", POSTGRES.getUsername()),
                entry("spring.datasource.password", POSTGRES.getPassword()),
                entry("ledger.deadlines.polling-interval", "PT0.2S")));
        querySide = DistributedApplications.startQuerySide(querySideSettings());
        api = new LedgerApi("http://127.0.0.1:" + DistributedApplications.port(querySide));
    }

    private static Map<String, String> querySideSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("axon.axonserver.servers", AXON_SERVER.getAxonServerAddress());
        settings.put("axon.axonserver.client-id", "query-side-test");
        settings.put("spring.datasource.url", POSTGRES.getJdbcUrl());
        settings.put("spring.datasource.username", POSTGRES.getUsername());
        settings.put("spring.datasource.password", POSTGRES.getPassword());
        settings.put("ledger.mongo.uri", MONGO.getConnectionString());
        // HTTP Basic instead of the production JWTs, so the journey needs no identity provider.
        settings.put("ledger.security.mode", "basic");
        for (int index = 0; index < USERS.size(); index++) {
            String prefix = "ledger.security.users[" + index + "].";
            settings.put(prefix + "username", USERS.get(index).getKey().id());
            settings.put(prefix + "password", "{noop}" + USERS.get(index).getKey().password());
            settings.put(prefix + "role", USERS.get(index).getValue().name());
        }
        return settings;
    }

    @AfterAll
    static void stopBothSides() {
        // The query side first: it sends the commands the command side handles.
        DistributedApplications.stop(querySide);
        DistributedApplications.stop(commandSide);
    }

    @Test
    void bothSidesAreConnectedToAxonServerAndOnlyTheCommandSideHoldsAggregates() throws Exception {
        assertThat(commandSide.getBean(AxonServerConnectionManager.class).isConnected("default")).isTrue();
        assertThat(querySide.getBean(AxonServerConnectionManager.class).isConnected("default")).isTrue();
        assertThat(commandSide.getBeanNamesForAnnotation(Aggregate.class)).isNotEmpty();
        assertThat(querySide.getBeanNamesForAnnotation(Aggregate.class)).isEmpty();

        for (ConfigurableApplicationContext side : List.of(commandSide, querySide)) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + DistributedApplications.port(side) + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("health of %s", side.getId()).isEqualTo(200);
            assertThat(JsonMapper.builder().build().readTree(health.body()).path("status").asString())
                    .as("health of %s", side.getId()).isEqualTo("UP");
        }
    }

    /** Axon's serialized columns are bytea on PostgreSQL: no large objects that nothing ever removes. */
    @Test
    void tokensSagasAndDeadLettersAreStoredWithoutLargeObjects() {
        JdbcTemplate postgres = new JdbcTemplate(querySide.getBean(DataSource.class));
        eventually(() -> assertThat(postgres.queryForObject("SELECT COUNT(*) FROM token_entry", Long.class)).isPositive());

        List<String> largeObjectColumns = postgres.queryForList("SELECT table_name || '.' || column_name "
                + "FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'", String.class);
        assertThat(largeObjectColumns).isEmpty();
        assertThat(postgres.queryForList("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'token_entry' AND column_name = 'token'", String.class)).containsExactly("bytea");
        assertThat(postgres.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void fixedPriceJourneyRunsThroughAxonServerAndKeepsTheLedgerRightToTheCent() {
        // The command side tells Axon Server its handlers as it starts; until they are known a command
        // finds no handler. The offer's idempotency key makes the retry safe.
        String offerKey = "offer-" + UUID.randomUUID();
        JsonNode offered = answered(() -> api.offerFixedPrice(ALICE, offerKey, CAROL.id(), CURRENCY,
                milestonesOf("100.00", "100.00"))).dataAt("offerFixedPriceContract.contract");
        String contractId = offered.path("id").asString();
        String design = offered.path("milestones").get(0).path("id").asString();
        String build = offered.path("milestones").get(1).path("id").asString();
        assertThat(offered.path("status").asString()).isEqualTo("OFFERED");

        String charges = LedgerAccounts.clientCharges(ALICE.id()).name();
        String escrow = LedgerAccounts.escrow(contractId).name();
        String pending = LedgerAccounts.freelancerPending(CAROL.id()).name();
        String available = LedgerAccounts.freelancerAvailable(CAROL.id()).name();
        String serviceFees = LedgerAccounts.SERVICE_FEES.name();
        String marketplaceFees = LedgerAccounts.MARKETPLACE_FEES.name();

        JsonNode accepted = api.accept(CAROL, contractId).answered().dataAt("acceptContract.contract");
        assertThat(accepted.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.path("escrow").path("status").asString()).isEqualTo("OPEN");

        // 100.00 into escrow, the 5% marketplace fee on top.
        JsonNode funded = api.fund(ALICE, contractId, design, "fund-design-" + contractId)
                .answered().dataAt("fundMilestone.contract");
        assertThat(milestoneIn(funded, design).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(amount(funded.path("escrow").path("currentEscrowAmount"))).isEqualTo("100.00");
        expectBalances(Map.of(charges, "-105.00", escrow, "100.00", marketplaceFees, "5.00"));

        // The submission schedules the auto-release; the command side keeps it in PostgreSQL.
        Instant submittedAt = Instant.now();
        JsonNode submitted = api.submit(CAROL, contractId, design, "First designs")
                .answered().dataAt("submitMilestone.contract");
        assertThat(milestoneIn(submitted, design).path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(pendingDeadlineDueTimes()).anySatisfy(due ->
                assertThat(due).isCloseTo(submittedAt.plus(AUTO_RELEASE_AFTER), within(1, ChronoUnit.MINUTES)));

        // Approve 60.00 of 100.00: 54.00 pending for the freelancer after the 10% fee, 40.00 stays in escrow.
        JsonNode approved = api.approve(ALICE, contractId, design, LedgerApi.money("60.00", CURRENCY),
                "approve-design-" + contractId).answered().dataAt("approveMilestone.contract");
        assertThat(milestoneIn(approved, design).path("status").asString()).isEqualTo("RELEASED");
        assertThat(amount(milestoneIn(approved, design).path("releasedAmount"))).isEqualTo("60.00");
        assertThat(amount(approved.path("escrow").path("currentEscrowAmount"))).isEqualTo("40.00");
        assertThat(amount(approved.path("escrow").path("unallocatedAmount"))).isEqualTo("40.00");
        expectBalances(Map.of(charges, "-105.00", escrow, "40.00", pending, "54.00", serviceFees, "6.00",
                marketplaceFees, "5.00"));

        // The next milestone is funded with the 40.00 remainder first: the client pays 60.00 + 3.00.
        JsonNode buildFunded = api.fund(ALICE, contractId, build, "fund-build-" + contractId)
                .answered().dataAt("fundMilestone.contract");
        assertThat(amount(buildFunded.path("escrow").path("currentEscrowAmount"))).isEqualTo("100.00");
        assertThat(amount(buildFunded.path("escrow").path("unallocatedAmount"))).isEqualTo("0.00");
        expectBalances(Map.of(charges, "-168.00", escrow, "100.00", marketplaceFees, "8.00"));

        // Submitted and left alone: 14 days on, the command side releases it; the design payment's
        // 5-day security period has ended by then as well.
        api.submit(CAROL, contractId, build, "Site built").answered().dataAt("submitMilestone.contract");
        assertThat(moveDeadlinesForward(AUTO_RELEASE_AFTER.plus(A_MINUTE))).isGreaterThanOrEqualTo(2);
        eventually(() -> assertThat(milestoneIn(api.contract(ALICE, contractId).answered().dataAt("contract"), build)
                .path("status").asString()).isEqualTo("RELEASED"));
        expectBalances(Map.ofEntries(entry(charges, "-168.00"), entry(escrow, "0.00"), entry(pending, "90.00"),
                entry(available, "54.00"), entry(serviceFees, "16.00"), entry(marketplaceFees, "8.00")));

        Response trialBalance = api.trialBalance(CURRENCY).answered();
        assertThat(amount(trialBalance.dataAt("trialBalance.total"))).isEqualTo("0.00");
        assertThat(trialBalance.dataAt("trialBalance.balanced").asBoolean()).isTrue();
    }

    /**
     * Axon's "not found" crosses Axon Server only as a message and details: the command side sends
     * it as a classified rejection, so the query side answers NOT_FOUND naming the field and rule.
     */
    @Test
    void anEscrowMutationOnAnHourlyContractIsNotFoundThroughAxonServer() {
        String contractId = answered(() -> api.call(ALICE, """
                mutation($input: OfferHourlyContractInput!) { offerHourlyContract(input: $input) { contractId } }""",
                Map.of("input", Map.of("idempotencyKey", "hourly-" + UUID.randomUUID(), "freelancerId", CAROL.id(),
                        "title", "Support", "hourlyRate", LedgerApi.money("25.00", CURRENCY), "weeklyLimitHours", 40,
                        "manualTimeAllowed", false)))).dataAt("offerHourlyContract.contractId").asString();

        JsonNode extensions = api.fund(ALICE, contractId, "milestone-1", "fund-" + contractId).firstError().path("extensions");

        assertThat(extensions.path("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(extensions.path("field").asString()).isEqualTo("contractId");
        assertThat(extensions.path("rule").asString()).isEqualTo("escrow.not-found");
    }

    /** Retries of one offer racing through Axon Server: the losers learn the contract exists and answer with it. */
    @Test
    void concurrentRetriesOfOneOfferAnswerWithTheSameContractThroughAxonServer() {
        answered(() -> api.offerFixedPrice(ALICE, "warm-up-" + UUID.randomUUID(), CAROL.id(), CURRENCY, milestonesOf("10.00")));
        String offerKey = "retried-" + UUID.randomUUID();

        List<Response> answers = Stream.generate(() -> CompletableFuture.supplyAsync(
                        () -> api.offerFixedPrice(ALICE, offerKey, CAROL.id(), CURRENCY, milestonesOf("10.00"))))
                .limit(3).toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(answer -> answer.dataAt("offerFixedPriceContract.contractId").asString())
                .doesNotContainNull().containsOnly(answers.get(0).dataAt("offerFixedPriceContract.contractId").asString());
    }

    /** The stores are fresh for this class, so each balance is exactly what this journey moved. */
    private static void expectBalances(Map<String, String> expectedByAccount) {
        eventually(() -> {
            Map<String, BigDecimal> actual = new LinkedHashMap<>();
            Map<String, BigDecimal> expected = new LinkedHashMap<>();
            expectedByAccount.forEach((account, balance) -> {
                actual.put(account, balanceFinanceSees(account));
                expected.put(account, new BigDecimal(balance));
            });
            assertThat(actual).as("balances finance sees").isEqualTo(expected);
        });
    }

    /** The balance finance sees for an account; an account nothing was posted to yet reads 0.00. */
    private static BigDecimal balanceFinanceSees(String account) {
        JsonNode amount = api.ledgerAccount(ERIN, account, CURRENCY).answered().dataAt("ledgerAccount.balance.amount");
        return amount.isMissingNode() || amount.isNull() ? new BigDecimal("0.00") : new BigDecimal(amount.asString());
    }

    /** When each deadline still to fire is due, read from the command side's PostgreSQL table. */
    private static List<Instant> pendingDeadlineDueTimes() {
        return deadlineTable().queryForList("SELECT execution_time FROM scheduled_tasks WHERE picked = FALSE",
                Timestamp.class).stream().map(Timestamp::toInstant).toList();
    }

    /**
     * Makes every deadline due within {@code period} due now and asks the command side's scheduler to
     * look; returns how many were moved. A handler never acts before its due time, so a payment
     * released this way starts its security period from the original due time, not from now.
     */
    private static int moveDeadlinesForward(Duration period) {
        Instant now = Instant.now();
        int moved = deadlineTable().update(
                "UPDATE scheduled_tasks SET execution_time = ? WHERE picked = FALSE AND execution_time <= ?",
                Timestamp.from(now), Timestamp.from(now.plus(period)));
        commandSide.getBean(Scheduler.class).triggerCheckForDueExecutions();
        return moved;
    }

    private static JdbcTemplate deadlineTable() {
        return new JdbcTemplate(commandSide.getBean(DataSource.class));
    }

    /** Sends until the response carries no error, and returns it. */
    private static Response answered(Supplier<Response> call) {
        AtomicReference<Response> response = new AtomicReference<>();
        eventually(() -> response.set(call.get().answered()));
        return response.get();
    }

    /** One milestone per amount, due long after any run of this test. */
    private static List<Map<String, Object>> milestonesOf(String... amounts) {
        return Stream.of(amounts)
                .map(amount -> Map.<String, Object>of("description", "Milestone of " + amount,
                        "depositAmount", LedgerApi.money(amount, CURRENCY), "dueDate", "2030-03-01"))
                .toList();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(WAIT_FOR_PROJECTIONS).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }


    private static String amount(JsonNode money) {
        return money.path("amount").asString();
    }
}
