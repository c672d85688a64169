package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.LedgerApi.milestone;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A thread interrupted while it writes to the event-store file (a processor being stopped, a unit of work that
 * ran out of time) must not take the database down for everyone. With H2's plain file system the interrupt
 * closes the file channel and with it the whole database ("The database has been closed"); the service's URL
 * uses H2's retrying file system, which reopens the file and finishes the write.
 */
class InterruptedWriterTest extends StandaloneTestBase {

    private static final int ROWS = 2_000;
    private static final int INTERRUPTS = 30;

    @Test
    void aWriterInterruptedManyTimesNeitherFailsNorClosesTheEventStore() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS interrupt_probe (id INT PRIMARY KEY, filler VARCHAR(600))");
        }
        AtomicInteger written = new AtomicInteger();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO interrupt_probe VALUES (?, ?)")) {
                for (int row = 0; row < ROWS; row++) {
                    insert.setInt(1, row);
                    insert.setString(2, "x".repeat(500));
                    insert.executeUpdate();
                    written.incrementAndGet();
                }
            } catch (SQLException e) {
                failure.set(e);
            }
        }, "interrupted-writer");

        writer.start();
        for (int interrupts = 0; interrupts < INTERRUPTS && writer.isAlive(); interrupts++) {
            writer.interrupt();
            Thread.sleep(10);
        }
        writer.join();

        assertThat(failure).as("the interrupted writer's failure").hasNullValue();
        assertThat(written.get()).isEqualTo(ROWS);
        String contractId = api.offerFixedPrice(ALICE, unique("after-interrupts"), CAROL.id(), "USD",
                List.of(milestone("Design", "100.00", "USD"))).dataAt("offerFixedPriceContract.contract.id").asString();
        assertThat(api.contract(ALICE, contractId).dataAt("contract.status").asString()).isEqualTo("OFFERED");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE interrupt_probe");
        }
    }
}
