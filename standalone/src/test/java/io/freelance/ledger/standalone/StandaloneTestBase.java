package io.freelance.ledger.standalone;

import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
