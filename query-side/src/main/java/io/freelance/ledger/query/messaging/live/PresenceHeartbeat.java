package io.freelance.ledger.query.messaging.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Renews, every {@code ledger.messaging.presence.shared-heartbeat}, the shared presence of the users connected to
 * this instance, while the service runs. A daemon thread: it never keeps a stopping JVM alive.
 */
public class PresenceHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceHeartbeat.class);

    private final Presence presence;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public PresenceHeartbeat(Presence presence, Duration interval) {
        this.presence = presence;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void beat() {
        try {
            presence.heartbeat();
        } catch (RuntimeException failed) {
            // The next beat tries again; meanwhile other instances may take these users for offline a little early.
            log.warn("Renewing the shared presence failed; trying again at the next heartbeat", failed);
        }
    }
}
