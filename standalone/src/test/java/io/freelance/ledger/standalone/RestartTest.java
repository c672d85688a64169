package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Stop the service and start it again on the same data directory: the events, the read models and
 * a deadline that was still pending are all there, and the deadline fires after the restart.
 */
class RestartTest {

    private final Path dataDirectory = Path.of("target", "test-data", "restart-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void eventsProjectionsAndAPendingDeadlineSurviveARestart() throws Exception {
        String contractId;
        String milestoneId;
        long eventsBeforeStop;
        try (ConfigurableApplicationContext first = start()) {
            LedgerApi api = api(first);
            JsonNode offered = api.offerFixedPrice(ALICE, "restart-offer", CAROL.id(), "USD",
                    List.of(milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contract");
            contractId = offered.path("id").asString();
            milestoneId = offered.path("milestones").get(0).path("id").asString();
            api.accept(CAROL, contractId).dataAt("acceptContract.contract");
            api.fund(ALICE, contractId, milestoneId, "restart-fund").dataAt("fundMilestone.contract");
            api.submit(CAROL, contractId, milestoneId, "Done").dataAt("submitMilestone.contract");
            StandaloneTestBase.eventually(() ->
                    assertThat(api.balance("escrow:" + contractId, "USD")).isEqualByComparingTo("100.00"));
            assertThat(milestoneStatus(api, contractId)).isEqualTo("SUBMITTED");
            eventsBeforeStop = storedEventCount();
        }

        // While it is down: the event store and the read-model file hold what was written.
        assertThat(storedEventCount()).isEqualTo(eventsBeforeStop);
        assertThat(pendingDeadlineCount()).as("the auto-release deadline is still pending").isGreaterThanOrEqualTo(1);
        assertThat(readModelStatusOnDisk(contractId)).isEqualTo("ACTIVE");
        // As a killed process leaves them: the processors' claims still held by the process that is gone.
        assertThat(update("UPDATE token_entry SET owner = 'a-killed-process'")).isPositive();

        try (ConfigurableApplicationContext second = start()) {
            LedgerApi api = api(second);
            assertThat(new JdbcTemplate(second.getBean(DataSource.class)).queryForObject(
                    "SELECT COUNT(*) FROM token_entry WHERE owner = 'a-killed-process'", Long.class))
                    .as("claims of the process that is gone, released at start-up").isZero();
            // Served at once from the persisted read model, not rebuilt by a replay.
            assertThat(milestoneStatus(api, contractId)).isIn("SUBMITTED", "RELEASED");
            // The auto-release scheduled before the restart fires after it, exactly once.
            StandaloneTestBase.eventually(() -> assertThat(milestoneStatus(api, contractId)).isEqualTo("RELEASED"));
            StandaloneTestBase.eventually(() -> {
                assertThat(api.balance("escrow:" + contractId, "USD")).isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(api.balance("freelancer:carol:pending", "USD")).isEqualByComparingTo("90.00");
                assertThat(api.balance("client:alice:charges", "USD")).isEqualByComparingTo("-105.00");
            });
            assertThat(storedEventCount()).isGreaterThan(eventsBeforeStop);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, as a user would pass them: they take precedence over application.yml.
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory,
                "--server.port=0",
                // Short enough to wait for, long enough to stop and check the files before it is due.
                "--ledger.escrow.auto-release-after=PT15S",
                "--ledger.deadlines.polling-interval=PT0.2S");
    }

    private static LedgerApi api(ConfigurableApplicationContext context) {
        return new LedgerApi("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static String milestoneStatus(LedgerApi api, String contractId) {
        return api.contract(ALICE, contractId).dataAt("contract.milestones.0.status").asString();
    }

    private long storedEventCount() throws SQLException {
        return count("SELECT COUNT(*) FROM domain_event_entry");
    }

    private long pendingDeadlineCount() throws SQLException {
        return count("SELECT COUNT(*) FROM scheduled_tasks");
    }

    private int update(String sql) throws SQLException {
        String url = "jdbc:h2:retry:file:" + dataDirectory.resolve("event-store");
        try (Connection connection = DriverManager.getConnection(url, "ledger", "")) {
            return connection.createStatement().executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        String url = "jdbc:h2:retry:file:" + dataDirectory.resolve("event-store");
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Opens the read-model file with its own server while the service is down, through the real driver. */
    private String readModelStatusOnDisk(String contractId) {
        Path file = dataDirectory.resolve("read-models.mv.db");
        assertThat(Files.exists(file)).isTrue();
        MongoServer server = new MongoServer(new EmbeddedMongoConfig().readModelBackend(dataDirectory, EmbeddedMongoConfig.DEFAULT_READ_STORE_CACHE_MB));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            Document contract = client.getDatabase("ledger").getCollection("contracts")
                    .find(new Document("_id", contractId)).first();
            assertThat(contract).as("contract document on disk").isNotNull();
            return contract.getString("status");
        } finally {
            server.shutdownNow();
        }
    }
}
