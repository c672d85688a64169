package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.benchmark.ScenarioRun.Measured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a freshly started service until its JIT compiler has settled, so the scenarios measure the
 * service a user meets after it has run a while, not one still compiling. On 2 cores this matters: the
 * compiler threads took 20–40% of the service's CPU for the first two to three minutes of load, and a
 * 10-second warm-up measured the service while it was still compiling.
 * Settled: the compiler used less than {@code settledShare} of one core during a window of load.
 */
final class JitWarmUp {

    record Result(Duration loaded, List<Double> compilerShares, Measured firstWindow, int requests) {

        boolean settled(double settledShare) {
            return compilerShares.get(compilerShares.size() - 1) < settledShare;
        }
    }

    private JitWarmUp() {
    }

    static Result run(String baseUrl, int port, int clients, Duration window, Duration atMost, double settledShare,
                      ScenarioRun.ClientWork work) throws Exception {
        List<Double> shares = new ArrayList<>();
        Measured first = null;
        int requests = 0;
        long started = System.nanoTime();
        while (true) {
            WithCompilerShare<Measured> windowRun = withCompilerShare(baseUrl,
                    () -> ScenarioRun.run(baseUrl, port, clients, Duration.ZERO, window, work));
            Measured measured = windowRun.result();
            double share = windowRun.compilerShare();
            shares.add(share);
            first = first == null ? measured : first;
            requests += measured.requestsIncludingWarmUp();
            Duration loaded = Duration.ofNanos(System.nanoTime() - started);
            if (share < settledShare || loaded.compareTo(atMost) >= 0) {
                return new Result(loaded, shares, first, requests);
            }
        }
    }

    /** What some work returned, and the share of one core the child's JIT compiler used meanwhile. */
    record WithCompilerShare<T>(T result, double compilerShare) {
    }

    static <T> WithCompilerShare<T> withCompilerShare(String baseUrl, java.util.concurrent.Callable<T> work) throws Exception {
        double compiledBefore = compilationMillis(baseUrl);
        long started = System.nanoTime();
        T result = work.call();
        return new WithCompilerShare<>(result, (compilationMillis(baseUrl) - compiledBefore) / ((System.nanoTime() - started) / 1e6));
    }

    /** The child's total JIT compilation time so far, in milliseconds, from its own metrics. */
    private static double compilationMillis(String baseUrl) throws Exception {
        return new TimedGraphQlClient(baseUrl).getJson(DemoUser.ERIN, "/actuator/metrics/jvm.compilation.time")
                .path("measurements").path(0).path("value").asDouble();
    }
}
