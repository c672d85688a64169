package io.freelance.ledger.standalone.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario's clients side by side, first for a warm-up (not recorded: class loading, the JIT
 * and the service's caches would otherwise weigh on the first figures), then for the measurement.
 * Each client keeps its own connection for both. Bounded by time here and by count in the work.
 */
final class ScenarioRun {

    /** One client's work until {@code untilNanos}; {@code phase} names keys apart between warm-up and measurement. */
    interface ClientWork {
        void run(int client, CheckedMutations mutations, TimedGraphQlClient http, LatencyRecorder recorder, String phase,
                 long untilNanos);
    }

    record Measured(LatencyRecorder.Summary summary, int requestsIncludingWarmUp, int connectionsOpened) {
    }

    private ScenarioRun() {
    }

    static Measured run(String baseUrl, int servicePort, int clients, Duration warmUp, Duration measurement, ClientWork work)
            throws Exception {
        List<TimedGraphQlClient> connections = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            connections.add(new TimedGraphQlClient(baseUrl));
        }
        try (LoopbackConnections connectionCounter = new LoopbackConnections(servicePort)) {
            LatencyRecorder warmUpRecorder = new LatencyRecorder();
            runAll(connections, warmUpRecorder, "warm-up", warmUp, work);
            LatencyRecorder recorder = new LatencyRecorder();
            long started = System.nanoTime();
            runAll(connections, recorder, "measured", measurement, work);
            long elapsed = System.nanoTime() - started;
            return new Measured(recorder.summarize(elapsed), warmUpRecorder.count() + recorder.count(), connectionCounter.opened());
        }
    }

    private static void runAll(List<TimedGraphQlClient> connections, LatencyRecorder recorder, String phase, Duration duration,
                               ClientWork work) throws Exception {
        long untilNanos = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(connections.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < connections.size(); client++) {
                int index = client;
                TimedGraphQlClient http = connections.get(index);
                running.add(threads.submit(() -> work.run(index, new CheckedMutations(http, recorder), http, recorder, phase, untilNanos)));
            }
            for (Future<?> future : running) {
                // Work stops starting requests at untilNanos; a request may still take its timeout to answer.
                future.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
