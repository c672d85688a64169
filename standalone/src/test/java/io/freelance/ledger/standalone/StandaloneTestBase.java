package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The standalone service as it runs for users: real HTTP, the H2 file event store, the embedded
 * MongoDB wire-protocol server through the real driver, durable deadlines. Test classes share one
 * running service (and one fresh data directory), so each test uses its own contracts and compares
 * shared accounts by how much they changed.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StandaloneTestBase {

    private static final String DATA_DIR =
            Path.of("target", "test-data", "standalone-" + UUID.randomUUID()).toAbsolutePath().toString();

    @DynamicPropertySource
    static void embeddedStores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> DATA_DIR);
        registry.add("ledger.deadlines.polling-interval", () -> "PT0.2S");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SmtpCatcher::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    Scheduler deadlineScheduler;

    LedgerApi api;
    DeadlineTimeMachine time;

    @BeforeEach
    void connect() {
        api = new LedgerApi("http://127.0.0.1:" + port);
        time = new DeadlineTimeMachine(dataSource, deadlineScheduler);
    }

    /** Every event ever stored; a rejected command must leave it unchanged. */
    long storedEventCount() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /**
     * A request refused as the API promises bad input is refused: one error, with its classification, the field
     * and the rule it names (null for none), a sentence that shows no Java, and no event stored.
     */
    JsonNode refused(Supplier<Response> call, String classification, String field, String rule) {
        long eventsBefore = storedEventCount();
        Response response = call.get();
        assertThat(storedEventCount()).as("events stored by the refused call %s", response.body()).isEqualTo(eventsBefore);
        assertThat(response.errors().size()).as("errors in %s", response.body()).isEqualTo(1);
        JsonNode error = response.firstError();
        JsonNode extensions = error.path("extensions");
        assertThat(extensions.path("classification").asString()).as("classification in %s", error).isEqualTo(classification);
        assertThat(extensions.path("field").asString(null)).as("field in %s", error).isEqualTo(field);
        assertThat(extensions.path("rule").asString(null)).as("rule in %s", error).isEqualTo(rule);
        assertThat(error.path("message").asString()).as("message in %s", error).isNotBlank().doesNotContain("Exception");
        return error;
    }

    static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
