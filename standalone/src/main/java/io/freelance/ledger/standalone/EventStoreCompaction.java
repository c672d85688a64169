package io.freelance.ledger.standalone;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 event-store file from growing without end. With {@code WRITE_DELAY=0} (every commit in the
 * file before it is acknowledged) H2 runs no background writer, and that writer is what rewrites half-empty
 * chunks: measured, the file grew by about 40 KB per commit. The URL's {@code RETENTION_TIME=0} lets a
 * commit reuse freed space at once, and this task rewrites sparse chunks every interval, as the
 * background writer would: about 1 KB per row instead, in a test of 40,000 commits.
 */
final class EventStoreCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStoreCompaction.class);
    /** Rewrite chunks while less than this share of the file holds live data, as H2's own writer does. */
    private static final int TARGET_FILL_RATE_PERCENT = 90;
    /** At most this much rewritten per run, so one run never stalls commits for long. */
    private static final int MAXIMUM_BYTES_PER_RUN = 16 << 20;

    private final MVStore store;
    private final ScheduledExecutorService scheduler;

    private EventStoreCompaction(MVStore store, Duration interval) {
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-compaction");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::compact, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts compacting the H2 database behind {@code dataSource}. */
    static EventStoreCompaction start(DataSource dataSource, Duration interval) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            return new EventStoreCompaction(session.getDatabase().getStore().getMvStore(), interval);
        }
    }

    void compact() {
        try {
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE_PERCENT, MAXIMUM_BYTES_PER_RUN);
            }
        } catch (RuntimeException failed) {
            // The next run tries again; a failed rewrite leaves the old chunks in place and loses nothing.
            log.warn("Compacting the event-store file failed; trying again later", failed);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
