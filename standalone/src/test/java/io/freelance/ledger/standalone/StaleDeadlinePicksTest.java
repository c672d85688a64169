package io.freelance.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deadline that a killed process had picked fires once the service is back, instead of waiting for
 * db-scheduler's dead-execution check (half an hour with its defaults).
 */
class StaleDeadlinePicksTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private JdbcTemplate jdbc;

    @BeforeEach
    void tableWithADeadlinePickedByAKilledProcess() throws IOException {
        dataSource.setURL("jdbc:h2:mem:stale-picks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(new ClassPathResource("db/scheduled-tasks-h2.sql").getContentAsString(StandardCharsets.UTF_8));
        Timestamp aMomentAgo = Timestamp.from(Instant.now().minusSeconds(1));
        jdbc.update("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version) "
                + "VALUES ('auto-release', 'milestone-1', ?, TRUE, 'killed-process', ?, 2)", aMomentAgo, aMomentAgo);
    }

    @Test
    void aDeadlinePickedByAKilledProcessFiresAfterTheRestart() throws InterruptedException {
        new StaleDeadlinePicks(dataSource).afterPropertiesSet();

        assertThat(firesWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).as("done and removed").isZero();
    }

    @Test
    void withoutPuttingItBackTheSchedulerLeavesIt() throws InterruptedException {
        assertThat(firesWithin(Duration.ofSeconds(2))).isFalse();
        assertThat(jdbc.queryForObject("SELECT picked FROM scheduled_tasks", Boolean.class)).isTrue();
    }

    private boolean firesWithin(Duration wait) throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        OneTimeTask<Void> autoRelease = Tasks.oneTime("auto-release").execute((instance, context) -> fired.countDown());
        Scheduler scheduler = Scheduler.create(dataSource, autoRelease).pollingInterval(Duration.ofMillis(100))
                .alwaysPersistTimestampInUTC().build();
        scheduler.start();
        try {
            return fired.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            scheduler.stop();
        }
    }
}
