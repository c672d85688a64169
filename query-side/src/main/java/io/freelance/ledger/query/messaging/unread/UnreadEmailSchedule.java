package io.freelance.ledger.query.messaging.unread;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link UnreadEmailCheck} every {@code ledger.messaging.email.check-interval} on a thread of its own,
 * from when the service has started (its processors running) until it stops. A daemon thread: it never keeps a
 * stopping JVM alive.
 */
public class UnreadEmailSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnreadEmailSchedule.class);

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final UnreadEmailCheck check;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public UnreadEmailSchedule(UnreadEmailCheck check, Duration interval) {
        this.check = check;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "unread-email-check");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a check under way, so none is still using the stores when the context closes them. */
    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A failed check must not end the schedule: the next one tries again. */
    private void checkOnce() {
        try {
            check.check();
        } catch (RuntimeException e) {
            log.warn("The unread-message email check failed; it runs again in {}", interval, e);
        }
    }
}
