package io.freelance.ledger.query.operations;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A task run again and again, a fixed delay apart, on a thread of its own named after it, from when the service
 * has started (its processors running) until it stops. A daemon thread: it never keeps a stopping JVM alive. A
 * run that fails is logged and does not end the schedule: the next run tries again.
 */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService executor;

    public PeriodicTask(String name, Duration firstDelay, Duration interval, Runnable task) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a run under way, so none is still using the stores when the context closes them. */
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

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it runs again in {}", name, interval, e);
        }
    }
}
