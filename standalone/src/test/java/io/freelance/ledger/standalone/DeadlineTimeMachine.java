package io.freelance.ledger.standalone;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves the durable deadline store forward in time for the given contracts: every deadline of theirs (their
 * escrow accounts', work diaries', invoices' and hour disputes', whose ids all hold the contract's) due within
 * the travelled period is made due now, then the scheduler is asked to look. The
 * deadlines themselves are the real ones the aggregate scheduled, so a test can first check when they
 * were due. Other tests' contracts share the running service; their deadlines stay where they are, so
 * their payments do not move shared accounts while this test watches them.
 * <p>
 * Travel accumulates. A deadline handler never acts before its due time, so a payment released by a
 * deadline 14 days ahead starts its security period from that time; the next trip of 7 days must
 * therefore reach 21 days ahead of the wall clock to find it.
 */
final class DeadlineTimeMachine {

    private final JdbcTemplate jdbc;
    private final Scheduler scheduler;
    private Duration travelled = Duration.ZERO;

    DeadlineTimeMachine(DataSource dataSource, Scheduler scheduler) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.scheduler = scheduler;
    }

    /** When each pending deadline of the contract is due, earliest first. */
    List<Instant> pendingDueTimes(String contractId) {
        return pendingOf(contractId).stream()
                .map(DeadlineTimeMachine::executionTime)
                .sorted()
                .toList();
    }

    /**
     * Travels {@code period} further and fires every deadline of these contracts due by then.
     * Returns how many were moved.
     */
    int advance(Duration period, String... contractIds) {
        travelled = travelled.plus(period);
        Instant now = Instant.now();
        Instant horizon = now.plus(travelled);
        List<Map<String, Object>> pending = Arrays.stream(contractIds).flatMap(id -> pendingOf(id).stream()).toList();
        int moved = 0;
        for (Map<String, Object> row : pending) {
            if (!executionTime(row).isAfter(horizon)) {
                moved += jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance = ?",
                        Timestamp.from(now), row.get("task_name"), row.get("task_instance"));
            }
        }
        scheduler.triggerCheckForDueExecutions();
        return moved;
    }

    /**
     * Fires every deadline of the contract due at or before {@code serviceNow}, a time on the service's own clock
     * ({@link ServiceClock}), which the hourly cycle's tests set ahead of the wall clock. Returns how many fired.
     */
    int fireDueBy(Instant serviceNow, String contractId) {
        Instant now = Instant.now();
        int moved = 0;
        for (Map<String, Object> row : pendingOf(contractId)) {
            if (!executionTime(row).isAfter(serviceNow)) {
                moved += jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance = ?",
                        Timestamp.from(now), row.get("task_name"), row.get("task_instance"));
            }
        }
        scheduler.triggerCheckForDueExecutions();
        return moved;
    }

    /** The column is a TIMESTAMP WITH TIME ZONE: H2 returns an OffsetDateTime, other drivers a Timestamp. */
    private static Instant executionTime(Map<String, Object> row) {
        Object value = row.get("execution_time");
        return value instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) value).toInstant();
    }

    /** A deadline's stored details name the aggregate it belongs to, whose id holds the contract's. */
    private List<Map<String, Object>> pendingOf(String contractId) {
        byte[] scope = contractId.getBytes(StandardCharsets.UTF_8);
        return jdbc.queryForList("SELECT task_name, task_instance, task_data, execution_time FROM scheduled_tasks WHERE picked = FALSE")
                .stream()
                .filter(row -> contains((byte[]) row.get("task_data"), scope))
                .toList();
    }

    private static boolean contains(byte[] data, byte[] part) {
        if (data == null) {
            return false;
        }
        for (int start = 0; start + part.length <= data.length; start++) {
            if (Arrays.equals(data, start, start + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}
