package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.ServiceProcess;
import io.freelance.ledger.standalone.benchmark.ScenarioRun.Measured;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a frontend gets from the service over HTTP: the standalone service as its own JVM at
 * -Xmx512m on a fresh data directory, driven by GraphQL over keep-alive connections, every answer
 * parsed and checked. Prints mutations per second and latency percentiles per scenario, beside the
 * event store's own raw append rate measured in the same run, and the child's heap in use. The service is
 * measured once cold and then after a JIT warm-up ({@link JitWarmUp}); each row shows the share of one core
 * the compiler still used. Figures,
 * not pass/fail (tag {@code benchmark}); run it as the README says.
 */
@Tag("benchmark")
class HttpLoadBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration JIT_WINDOW = Duration.ofSeconds(15);
    private static final Duration JIT_WARM_UP_AT_MOST = Duration.ofSeconds(240);
    /** The compiler used less than a tenth of one core during a window of load. */
    private static final double JIT_SETTLED_SHARE = 0.10;
    private static final Duration MEASUREMENT = Duration.ofSeconds(30);
    private static final int CONCURRENT_CLIENTS = 16;
    private static final int HOT_CONTRACT_CLIENTS = 4;
    /** A contract holds at most 100 milestones; one comes with the offer. */
    private static final int MILESTONES_ADDED_TO_HOT_CONTRACT = 98;
    private static final int FLOWS_PER_CLIENT = 2_000;
    private static final int QUERIES = 20_000;
    private static final int RAW_APPEND_ROWS = 200_000;
    private static final Duration RAW_APPEND_TIME = Duration.ofSeconds(10);

    private record Row(String scenario, String unit, Measured measured, String target, boolean targetMet, double compilerShare) {
    }

    @Test
    void mutationsPerSecondAndLatencyOverHttpBesideTheEventStoresOwnAppendRate() throws Exception {
        String run = UUID.randomUUID().toString();
        Path dataDirectory = Path.of("target", "benchmark-data", "http-" + run).toAbsolutePath();
        List<Row> rows = new ArrayList<>();
        String heap;
        JitWarmUp.Result jitWarmUp;
        try (ServiceProcess service = new ServiceProcess("http-load-benchmark", dataDirectory, Map.of())) {
            service.start();
            String baseUrl = service.baseUrl();
            int port = service.port();

            // The service as it is in its first seconds, then again once the JIT has settled.
            jitWarmUp = JitWarmUp.run(baseUrl, port, CONCURRENT_CLIENTS, JIT_WINDOW, JIT_WARM_UP_AT_MOST, JIT_SETTLED_SHARE,
                    HttpLoadBenchmark::fixedPriceFlows);
            Measured cold = jitWarmUp.firstWindow();
            rows.add(new Row("(cold) 16 clients, first 15 s after start", "mutations", cold, "(reported)", true,
                    jitWarmUp.compilerShares().get(0)));

            rows.add(measure(baseUrl, "(a) 1 client, fixed-price flows", "mutations", "p50 <= 10 ms",
                    summary -> summary.latencyMsP50() <= 10,
                    () -> ScenarioRun.run(baseUrl, port, 1, WARM_UP, MEASUREMENT, HttpLoadBenchmark::fixedPriceFlows)));
            rows.add(measure(baseUrl, "(b) 16 clients, distinct contracts", "mutations", ">= 500/s, p99 <= 100 ms, 0 errors",
                    summary -> summary.perSecond() >= 500 && summary.latencyMsP99() <= 100 && summary.errors() == 0,
                    () -> ScenarioRun.run(baseUrl, port, CONCURRENT_CLIENTS, WARM_UP, MEASUREMENT, HttpLoadBenchmark::fixedPriceFlows)));
            rows.add(measure(baseUrl, "(c) 1 hot contract, 4 clients", "mutations", ">= 200/s",
                    summary -> summary.perSecond() >= 200,
                    () -> ScenarioRun.run(baseUrl, port, HOT_CONTRACT_CLIENTS, WARM_UP, MEASUREMENT, new HotContract(baseUrl))));
            rows.add(measure(baseUrl, "(d) query { me { id } }, 1 client", "queries", "(p50 reported)", summary -> true,
                    () -> ScenarioRun.run(baseUrl, port, 1, WARM_UP, MEASUREMENT, HttpLoadBenchmark::whoAmI)));

            heap = ServiceFigures.heapInUse(baseUrl);
            service.stop();
        }
        RawAppendRate.Result raw = RawAppendRate.measure(dataDirectory,
                Path.of("target", "benchmark-data", "raw-appends-" + run).toAbsolutePath(), RAW_APPEND_ROWS, RAW_APPEND_TIME.toNanos());
        print(rows, raw, heap, jitWarmUp);

        for (Row row : rows) {
            assertThat(row.measured().summary().count()).as("%s measured requests", row.scenario()).isPositive();
            // Keep-alive: about one connection per client, plus one each time the server retires a connection
            // (Tomcat closes a connection after 100 requests by default).
            if (LoopbackConnections.available()) {
                assertThat(row.measured().connectionsOpened()).as("%s connections opened for %d requests",
                                row.scenario(), row.measured().requestsIncludingWarmUp())
                        .isLessThanOrEqualTo(2 * CONCURRENT_CLIENTS + row.measured().requestsIncludingWarmUp() / 50);
            }
        }
        assertThat(raw.rows()).as("raw appends").isPositive();
    }

    /** Runs the scenario and notes how much of one core the JIT compiler used meanwhile (warm-up included). */
    private static Row measure(String baseUrl, String scenario, String unit, String target,
                               java.util.function.Predicate<LatencyRecorder.Summary> met, java.util.concurrent.Callable<Measured> run) throws Exception {
        JitWarmUp.WithCompilerShare<Measured> measured = JitWarmUp.withCompilerShare(baseUrl, run);
        return new Row(scenario, unit, measured.result(), target, met.test(measured.result().summary()), measured.compilerShare());
    }

    /** Each client runs offer → accept → fund → submit → approve on contracts of its own, until the time is up. */
    static void fixedPriceFlows(int client, CheckedMutations mutations, TimedGraphQlClient http, LatencyRecorder recorder,
                                        String phase, long untilNanos) {
        DemoUser payer = client % 2 == 0 ? DemoUser.ALICE : DemoUser.BOB;
        DemoUser freelancer = (client / 2) % 2 == 0 ? DemoUser.CAROL : DemoUser.DAVE;
        String prefix = UUID.randomUUID() + "-" + phase + "-" + client;
        for (int flow = 0; flow < FLOWS_PER_CLIENT && System.nanoTime() < untilNanos; flow++) {
            String key = prefix + "-" + flow;
            Optional<String[]> ids = mutations.offer(payer, freelancer, key, "250.00");
            if (ids.isEmpty()) {
                continue;
            }
            String contractId = ids.get()[0];
            String milestoneId = ids.get()[1];
            boolean completed = mutations.accept(freelancer, contractId)
                    && mutations.fund(payer, contractId, milestoneId, key + "-fund")
                    && mutations.submit(freelancer, contractId, milestoneId)
                    && mutations.approve(payer, contractId, milestoneId, key + "-approve");
            if (!completed) {
                // Counted as an error by the recorder; the next flow starts on a new contract.
                continue;
            }
        }
    }

    private static void whoAmI(int client, CheckedMutations mutations, TimedGraphQlClient http, LatencyRecorder recorder,
                               String phase, long untilNanos) {
        for (int query = 0; query < QUERIES && System.nanoTime() < untilNanos; query++) {
            Reply reply = http.post(DemoUser.ALICE, "{ me { id } }", Map.of());
            recorder.record(reply.latencyNanos(), reply.answered() && "alice".equals(reply.data().path("me").path("id").asString()));
        }
    }

    /**
     * Many mutations on one contract: each client adds a milestone (its own idempotency key) and edits
     * it while the others do the same, then funds, submits and approves it. Only one milestone can be
     * active at a time, so that part takes turns. Warm-up and measurement each get a contract of their own.
     */
    private static final class HotContract implements ScenarioRun.ClientWork {

        private final String baseUrl;
        private final Map<String, String> contractByPhase = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> milestonesAddedByPhase = new java.util.concurrent.ConcurrentHashMap<>();
        private final ReentrantLock oneActiveMilestone = new ReentrantLock(true);

        HotContract(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public void run(int client, CheckedMutations mutations, TimedGraphQlClient http, LatencyRecorder recorder, String phase,
                        long untilNanos) {
            String contractId = contractByPhase.computeIfAbsent(phase, this::openContract);
            AtomicInteger added = milestonesAddedByPhase.computeIfAbsent(phase, ignored -> new AtomicInteger());
            while (System.nanoTime() < untilNanos) {
                int number = added.incrementAndGet();
                if (number > MILESTONES_ADDED_TO_HOT_CONTRACT) {
                    return;
                }
                String key = contractId + "-" + number;
                Optional<String> milestoneId = mutations.addMilestone(DemoUser.ALICE, contractId, key, "40.00");
                if (milestoneId.isEmpty() || !mutations.editMilestone(DemoUser.ALICE, contractId, milestoneId.get(), "Edited " + key)) {
                    continue;
                }
                oneActiveMilestone.lock();
                try {
                    boolean paid = mutations.fund(DemoUser.ALICE, contractId, milestoneId.get(), key + "-fund")
                            && mutations.submit(DemoUser.CAROL, contractId, milestoneId.get())
                            && mutations.approve(DemoUser.ALICE, contractId, milestoneId.get(), key + "-approve");
                    if (!paid) {
                        // Counted as an error by the recorder; an active milestone left behind blocks later funding, which shows as errors too.
                        continue;
                    }
                } finally {
                    oneActiveMilestone.unlock();
                }
            }
        }

        /** Offered and accepted outside the measurement. */
        private String openContract(String phase) {
            CheckedMutations setUp = new CheckedMutations(new TimedGraphQlClient(baseUrl), new LatencyRecorder());
            String[] ids = setUp.offer(DemoUser.ALICE, DemoUser.CAROL, "hot-" + phase + "-" + UUID.randomUUID(), "40.00")
                    .orElseThrow(() -> new IllegalStateException("Could not offer the hot contract"));
            if (!setUp.accept(DemoUser.CAROL, ids[0])) {
                throw new IllegalStateException("Could not accept the hot contract");
            }
            return ids[0];
        }
    }

    private static void print(List<Row> rows, RawAppendRate.Result raw, String heap, JitWarmUp.Result jitWarmUp) {
        System.out.println();
        System.out.printf(Locale.ROOT, "JIT warm-up: %d s of 16-client load until the compiler used under %.0f%% of one core in %d s "
                        + "(%s; share of one core per window: %s)%n",
                jitWarmUp.loaded().toSeconds(), 100 * JIT_SETTLED_SHARE, JIT_WINDOW.toSeconds(),
                jitWarmUp.settled(JIT_SETTLED_SHARE) ? "settled" : "not settled within " + JIT_WARM_UP_AT_MOST.toSeconds() + " s",
                jitWarmUp.compilerShares().stream().map(share -> String.format(Locale.ROOT, "%.0f%%", 100 * share)).toList());
        System.out.printf("== HTTP load on the standalone service (child JVM, -Xmx512m), %d cores, warm-up %d s, measured up to %d s each%n",
                Runtime.getRuntime().availableProcessors(), WARM_UP.toSeconds(), MEASUREMENT.toSeconds());
        System.out.printf("%-42s | %9s | %9s | %8s | %8s | %8s | %8s | %6s | %11s | %-34s | %-3s | %s%n",
                "scenario", "requests", "per s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "connections", "target", "met", "JIT");
        for (Row row : rows) {
            LatencyRecorder.Summary summary = row.measured().summary();
            System.out.printf(Locale.ROOT, "%-42s | %9d | %9.1f | %8.1f | %8.1f | %8.1f | %8.1f | %6d | %11d | %-34s | %-3s | %.0f%%%n",
                    row.scenario(), summary.count(), summary.perSecond(), summary.latencyMsP50(), summary.latencyMsP90(),
                    summary.latencyMsP99(), summary.latencyMsMax(), summary.errors(), row.measured().connectionsOpened(),
                    row.target(), row.targetMet() ? "yes" : "no", 100 * row.compilerShare());
        }
        long mutations = rows.stream().filter(row -> row.unit().equals("mutations"))
                .mapToLong(row -> row.measured().requestsIncludingWarmUp()).sum()
                // The warm-up's later windows; its first is the cold row.
                + jitWarmUp.requests() - jitWarmUp.firstWindow().requestsIncludingWarmUp();
        System.out.printf(Locale.ROOT, "event store alone: %,.0f appends/s (%d rows like domain_event_entry, payload %d bytes on average, "
                        + "one commit per row, same H2 URL settings as the service)%n",
                raw.rowsPerSecond(), raw.rows(), raw.averagePayloadBytes());
        System.out.printf(Locale.ROOT, "service stored %d events for %d mutations sent (%.1f events per mutation); "
                        + "(b) reached %.2f%% of the raw append rate in events%n",
                raw.serviceEvents(), mutations, raw.serviceEvents() / (double) mutations,
                100 * rows.get(2).measured().summary().perSecond() * raw.serviceEvents() / mutations / raw.rowsPerSecond());
        System.out.println("child JVM heap in use at the end: " + heap);
        System.out.println("load average of the machine at the end (other processes compete for the cores): " + ServiceFigures.loadAverage());
        System.out.println();
    }
}
