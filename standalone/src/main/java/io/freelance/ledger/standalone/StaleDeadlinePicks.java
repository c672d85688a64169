package io.freelance.ledger.standalone;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts back on the schedule the deadlines a killed process had picked but not finished. db-scheduler marks a
 * deadline as picked, in its own row, before it runs it; a process killed in between leaves the mark, and
 * db-scheduler takes a picked deadline for dead only once its heartbeat has been missing for six heartbeat
 * intervals (half an hour with its defaults). Until then the deadline does not fire: seen in the crash test,
 * two automatic releases picked 20 ms before the kill were still waiting when the test ended.
 * <p>
 * The H2 event-store file is locked by one process at a time, so at start-up every mark in it is a killed
 * process's. Runs once the table exists (after the scheduler is built) and before the scheduler starts. A
 * deadline put back fires again: each one checks when it fires that it is still due, so one that had done
 * its work before the kill does nothing the second time.
 */
final class StaleDeadlinePicks implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StaleDeadlinePicks.class);

    private final DataSource dataSource;

    StaleDeadlinePicks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        int released = new JdbcTemplate(dataSource).update("UPDATE scheduled_tasks "
                + "SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL, version = version + 1 WHERE picked = TRUE");
        if (released > 0) {
            log.info("Put back {} deadline(s) a previous process had picked but not finished", released);
        }
    }
}
