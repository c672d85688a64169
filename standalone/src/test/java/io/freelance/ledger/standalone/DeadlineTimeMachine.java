package io.freelance.ledger.standalone;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves the durable deadline store forward in time: every deadline due within the travelled period
 * is made due now, then the scheduler is asked to look. The deadlines themselves are the real ones
 * the aggregates scheduled, so a test can first check when they were due.
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

    /** When each pending deadline is due, earliest first. */
    List<Instant> pendingDueTimes() {
        return jdbc.queryForList("SELECT execution_time FROM scheduled_tasks WHERE picked = FALSE ORDER BY execution_time",
                Timestamp.class).stream().map(Timestamp::toInstant).toList();
    }

    /** Travels {@code period} further and fires every deadline due by then. Returns how many were moved. */
    int advance(Duration period) {
        travelled = travelled.plus(period);
        Instant now = Instant.now();
        int moved = jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE picked = FALSE AND execution_time <= ?",
                Timestamp.from(now), Timestamp.from(now.plus(travelled)));
        scheduler.triggerCheckForDueExecutions();
        return moved;
    }
}
