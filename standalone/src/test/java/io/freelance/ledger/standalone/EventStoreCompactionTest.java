package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * With every commit written at once ({@code WRITE_DELAY=0}) H2 runs no writer that rewrites sparse
 * chunks, and its file grows by a chunk per commit. The same commits, one at a time, with and without
 * the service's compaction: the compacted file is much smaller (the gap widens with every commit) and holds every row.
 */
class EventStoreCompactionTest {

    private static final int COMMITS = 16_000;
    private static final String SERVICE_URL_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";

    @Test
    void compactionKeepsTheFileFromGrowingByAChunkPerCommit() throws Exception {
        long uncompactedBytes = fileSizeAfterCommits(false);
        long compactedBytes = fileSizeAfterCommits(true);

        System.out.printf("event-store file after %d commits: %,d bytes without compaction, %,d with%n",
                COMMITS, uncompactedBytes, compactedBytes);
        assertThat(compactedBytes).isLessThan(uncompactedBytes * 4 / 5);
    }

    private static long fileSizeAfterCommits(boolean compacting) throws SQLException, java.io.IOException {
        Path directory = Path.of("target", "test-data", "compaction-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(directory);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:retry:file:" + directory.resolve("event-store") + SERVICE_URL_OPTIONS);
        dataSource.setUser("ledger");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(
                    "CREATE TABLE events(global_index BIGINT AUTO_INCREMENT PRIMARY KEY, aggregate VARCHAR(100), payload VARBINARY)");
            connection.setAutoCommit(false);
            try (EventStoreCompaction compaction = compacting ? EventStoreCompaction.start(dataSource, Duration.ofMillis(100)) : null;
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO events(aggregate, payload) VALUES (?, ?)")) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    insert.setString(1, "contract-" + (commit % 500));
                    insert.setBytes(2, new byte[600]);
                    insert.executeUpdate();
                    connection.commit();
                }
            }
            var count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM events");
            count.next();
            assertThat(count.getLong(1)).isEqualTo(COMMITS);
            return Files.size(directory.resolve("event-store.mv.db"));
        }
    }
}
