package io.freelance.ledger.standalone.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stopped service's event store says about its deadlines: the pending ones (db-scheduler's
 * {@code scheduled_tasks}, due at wall-clock times) and whether any week has been locked. Read with the service's
 * own URL settings while the service is down.
 */
record StoredDeadlines(List<String> pending, Instant earliestDue, long weeksLocked) {

    static StoredDeadlines read(Path dataDirectory) throws Exception {
        try (Connection connection = DriverManager.getConnection(RawAppendRate.serviceUrl(dataDirectory), "ledger", "");
             Statement statement = connection.createStatement()) {
            List<String> pending = new ArrayList<>();
            Instant earliest = null;
            try (ResultSet tasks = statement.executeQuery(
                    "SELECT task_name, execution_time FROM scheduled_tasks ORDER BY execution_time")) {
                while (tasks.next()) {
                    Instant due = tasks.getObject(2, OffsetDateTime.class).toInstant();
                    earliest = earliest == null ? due : earliest;
                    pending.add(tasks.getString(1) + " due " + due);
                }
            }
            return new StoredDeadlines(pending, earliest, count(statement,
                    "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%WorkDiaryWeekLockedEvent'"));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
