package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.ServiceProcess;
import io.freelance.ledger.standalone.benchmark.ScenarioRun.Measured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 16-client fixed-price load of {@link HttpLoadBenchmark}, held for several minutes from a fresh start and
 * reported minute by minute: what the 30-second windows after a warm-up miss (the JIT settling, the heap
 * filling with what lives a minute or two, the read-model file growing). Each minute also shows the service's
 * CPU per mutation, the collector's pauses, the heap in use and the size of both data files, from the
 * service's own metrics and the data directory. {@code -Dsustained.minutes} sets how long (default 6);
 * {@code -Dsustained.environment=NAME=value,NAME=value} starts the service with those settings, so one build can be
 * measured with a setting and without it, one run after the other.
 */
@Tag("benchmark")
class SustainedLoadBenchmark {

    private static final int CLIENTS = 16;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Minute(int number, Measured measured, double cpuMsPerMutation, double gcPauseSeconds, String heap,
                          long eventStoreMegabytes, long readModelMegabytes) {
    }

    @Test
    void sixteenClientsMinuteByMinuteFromAFreshStart() throws Exception {
        int minutes = Integer.getInteger("sustained.minutes", 6);
        Path dataDirectory = Path.of("target", "benchmark-data", "sustained-" + UUID.randomUUID()).toAbsolutePath();
        List<Minute> rows = new ArrayList<>();
        try (ServiceProcess service = new ServiceProcess("sustained-load-benchmark", dataDirectory, serviceEnvironment())) {
            service.start();
            String baseUrl = service.baseUrl();
            for (int minute = 1; minute <= minutes; minute++) {
                double cpuBefore = metric(baseUrl, "process.cpu.time", "COUNT");
                double gcBefore = metric(baseUrl, "jvm.gc.pause", "TOTAL_TIME");
                Measured measured = ScenarioRun.run(baseUrl, service.port(), CLIENTS, Duration.ZERO, WINDOW,
                        HttpLoadBenchmark::fixedPriceFlows);
                double cpuSeconds = metric(baseUrl, "process.cpu.time", "COUNT") - cpuBefore;
                double gcSeconds = metric(baseUrl, "jvm.gc.pause", "TOTAL_TIME") - gcBefore;
                int mutations = Math.max(1, measured.summary().count());
                rows.add(new Minute(minute, measured, cpuSeconds * 1000 / mutations, gcSeconds, ServiceFigures.heapInUse(baseUrl),
                        megabytes(dataDirectory.resolve("event-store.mv.db")), megabytes(dataDirectory.resolve("read-models.mv.db"))));
                print(rows.get(rows.size() - 1));
            }
            service.stop();
        }
        for (Minute row : rows) {
            assertThat(row.measured().summary().count()).as("mutations in minute %d", row.number()).isPositive();
            assertThat(row.measured().summary().errors()).as("errors in minute %d", row.number()).isZero();
        }
    }

    private static Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        for (String setting : System.getProperty("sustained.environment", "").split(",")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                environment.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
            }
        }
        if (!environment.isEmpty()) {
            System.out.println("Service started with " + environment);
        }
        return environment;
    }

    /** Seconds, as the service's Micrometer metrics report them (process CPU time, the sum of collector pauses). */
    private static double metric(String baseUrl, String name, String statistic) throws Exception {
        JsonNode metric = new TimedGraphQlClient(baseUrl).getJson(DemoUser.ERIN, "/actuator/metrics/" + name);
        for (JsonNode measurement : metric.path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asString())) {
                double value = measurement.path("value").asDouble();
                // process.cpu.time counts nanoseconds; timers report seconds.
                return "ns".equals(metric.path("baseUnit").asString()) ? value / 1e9 : value;
            }
        }
        return 0;
    }

    private static long megabytes(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) / (1024 * 1024) : 0;
    }

    private static void print(Minute row) {
        LatencyRecorder.Summary summary = row.measured().summary();
        System.out.printf(Locale.ROOT, "minute %d: %.1f mutations/s, p50 %.1f ms, p99 %.1f ms, errors %d; service CPU %.1f ms per mutation;"
                        + " collector pauses %.1f s; heap %s; event store %d MB, read models %d MB%n",
                row.number(), summary.perSecond(), summary.latencyMsP50(), summary.latencyMsP99(), summary.errors(),
                row.cpuMsPerMutation(), row.gcPauseSeconds(), row.heap(), row.eventStoreMegabytes(), row.readModelMegabytes());
    }
}
