package io.freelance.ledger.standalone;

import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.Answer.Outcome;
import io.freelance.ledger.standalone.RequestLog.Attempt;
import io.freelance.ledger.standalone.RequestLog.Entry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A ledger must not take back what it acknowledged. The service runs as its own JVM under load from
 * six frontends running fixed-price flows; it is killed with SIGKILL three times at random moments
 * (each right after some acknowledgement, while other requests are in flight) and restarted on the
 * same data. Afterwards: every acknowledged change is there; every unanswered request, retried with
 * the same idempotency key, takes effect exactly once; the ledger balances to the cent; deadlines
 * pending at the crash fire after the restart; nothing was dead-lettered or answered with an internal
 * error; and the projections equal a full replay of the event store.
 * <p>
 * The random choices (amounts, currencies, pauses, when to kill) come from one seed, printed first;
 * {@code -Dcrash.seed=...} repeats them. Timings of the service still vary from run to run.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 6;
    private static final int KILLS = 3;
    private static final int MAXIMUM_FLOWS_PER_CLIENT = 80;
    private static final int MINIMUM_LOAD_MILLIS = 1_500;
    private static final int LOAD_MILLIS_RANGE = 3_500;
    private static final int MINIMUM_ACKNOWLEDGEMENTS = 6;
    private static final int ACKNOWLEDGEMENTS_RANGE = 19;
    /** On a machine shared with other builds a phase may take long; past this the kill comes regardless. */
    private static final Duration LONGEST_LOAD = Duration.ofSeconds(30);
    private static final Duration SECURITY_PERIOD = Duration.ofSeconds(10);
    private static final Duration AUTO_RELEASE_AFTER = Duration.ofSeconds(20);
    private static final List<String> CURRENCIES = List.of("USD", "EUR");
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "LEDGER_ESCROW_AUTO_RELEASE_AFTER", AUTO_RELEASE_AFTER.toString(),
            "LEDGER_ESCROW_SECURITY_PERIOD", SECURITY_PERIOD.toString(),
            "LEDGER_DEADLINES_POLLING_INTERVAL", "PT0.5S",
            // Axon's JPA dead-letter queue logs each letter it stores at debug level only.
            "LOGGING_LEVEL_ORG_AXONFRAMEWORK_EVENTHANDLING_DEADLETTER_JPA", "DEBUG");
    private final Path dataDirectory = Path.of("target", "test-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    private final RequestLog log = new RequestLog();
    private final LoadGate gate = new LoadGate();
    private final Violations violations = new Violations();
    private final List<Instant> kills = new ArrayList<>();

    @Test
    void acknowledgedChangesSurviveSigkillAndRetriedRequestsTakeEffectExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("%nCrashRecoveryTest: seed %d (repeat with -Dcrash.seed=%d), data in %s%n", seed, seed, dataDirectory);
        Random random = new Random(seed);
        List<LoadClient> clients = loadClients(seed);
        ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENTS);
        try (ServiceProcess service = new ServiceProcess("crash-recovery", dataDirectory, ENVIRONMENT)) {
            service.start();
            clients.forEach(clientThreads::submit);
            DeadlineProbes probes = crashRepeatedlyUnderLoad(service, random);
            gate.finish();
            clientThreads.shutdown();
            assertThat(clientThreads.awaitTermination(60, SECONDS)).as("load clients stopped").isTrue();

            LedgerApi api = new LedgerApi(service.baseUrl());
            List<FixedPriceFlow> flows = loadFlows(clients);
            checkAcknowledgedChangesSurvived(api, flows, probes);
            retryUnacknowledgedRequests(api, flows);
            List<FixedPriceFlow> released = finishFlows(api, flows, probes);
            Instant lastSubmission = Instant.now();
            checkLedgerSettledExactlyOnce(api, released);
            checkJournalChainVerifies(api);
            checkDeadlinesFiredAfterTheLastRestart(api, probes);
            checkAnswers();
            LedgerSnapshot live = LedgerSnapshot.take(api, CURRENCIES);
            checkEveryFlowHasItsOwnContract(live, released);
            awaitAutoReleasesSetBefore(lastSubmission);
            service.stop();
            checkLogsDeadLettersAndDeadlines(service);
            checkFullReplayEqualsLive(live);
        } finally {
            gate.finish();
            clientThreads.shutdownNow();
            log.writeTo(Path.of("target", "crash-recovery", "requests-" + seed + ".tsv"));
        }
        System.out.println("Requests by attempt, step and outcome:");
        log.tally().forEach((key, count) -> System.out.printf("  %-45s %5d%n", key, count));
        System.out.println("Kills at " + kills + "; violations: " + violations.report());
        assertThat(violations.isEmpty()).as("Broken promises after %d SIGKILLs (seed %d):%s", KILLS, seed, violations.report()).isTrue();
    }

    /** Six frontends: both demo clients, each with both demo freelancers. */
    private List<LoadClient> loadClients(long seed) {
        List<LoadClient> clients = new ArrayList<>();
        for (int index = 0; index < CLIENTS; index++) {
            DemoUser client = index % 2 == 0 ? DemoUser.ALICE : DemoUser.BOB;
            DemoUser freelancer = (index / 2) % 2 == 0 ? DemoUser.CAROL : DemoUser.DAVE;
            clients.add(new LoadClient("c" + (index + 1), client, freelancer, seed + index, MAXIMUM_FLOWS_PER_CLIENT, gate, log));
        }
        return clients;
    }

    /**
     * Load for a random while and a random number of acknowledgements, then SIGKILL right after the next
     * acknowledgement (the moment a promise was just made, with other requests in flight), restart on the
     * same data, repeat. Before the last kill the deadline probes go in, under load, so their deadlines
     * are still pending when it comes.
     */
    private DeadlineProbes crashRepeatedlyUnderLoad(ServiceProcess service, Random random) throws InterruptedException {
        DeadlineProbes probes = null;
        for (int kill = 1; kill <= KILLS; kill++) {
            LedgerApi api = new LedgerApi(service.baseUrl());
            long acknowledgedBefore = log.acknowledgements();
            int acknowledgementsThisPhase = MINIMUM_ACKNOWLEDGEMENTS + random.nextInt(ACKNOWLEDGEMENTS_RANGE);
            long loadMillis = MINIMUM_LOAD_MILLIS + random.nextInt(LOAD_MILLIS_RANGE);
            gate.open(api);
            Thread.sleep(loadMillis);
            log.awaitAcknowledgements(acknowledgedBefore + acknowledgementsThisPhase, LONGEST_LOAD);
            if (kill == KILLS) {
                probes = DeadlineProbes.setUp(api, log, kill);
            }
            log.awaitNextAcknowledgement(Duration.ofSeconds(2));
            kills.add(Instant.now());
            service.kill();
            // Closed only now, so requests in flight die with the service; the few sent in between are refused connections.
            gate.close();
            System.out.printf("SIGKILL %d after %d ms and %d acknowledgements of load; %d requests so far%n",
                    kill, loadMillis, log.acknowledgements() - acknowledgedBefore, log.all().size());
            service.start();
        }
        return probes;
    }

    private static List<FixedPriceFlow> loadFlows(List<LoadClient> clients) {
        return clients.stream().flatMap(client -> client.flows().stream()).toList();
    }

    /** Checked before any retry, so a retry cannot hide a lost change by making it again. */
    private void checkAcknowledgedChangesSurvived(LedgerApi api, List<FixedPriceFlow> loadFlows, DeadlineProbes probes) {
        List<FixedPriceFlow> flows = new ArrayList<>(loadFlows);
        flows.addAll(probes.both());
        List<String> missing = Waiting.until(Duration.ofSeconds(15), () -> acknowledgedButMissing(api, flows));
        violations.addAll("an acknowledged change is missing after SIGKILL and restart", missing);
    }

    private static List<String> acknowledgedButMissing(LedgerApi api, List<FixedPriceFlow> flows) {
        Map<String, JsonNode> contracts = LedgerSnapshot.contracts(api);
        Map<String, BigDecimal> balances = LedgerSnapshot.balances(api);
        List<String> missing = new ArrayList<>();
        for (FixedPriceFlow flow : flows) {
            if (flow.lastAcknowledged().isEmpty()) {
                continue;
            }
            FlowStep promised = flow.lastAcknowledged().get();
            String contractId = flow.contractId().orElseThrow();
            Optional<FlowStep> shown = FlowStep.reachedBy(contracts.get(contractId));
            if (shown.isEmpty() || !shown.get().isAtLeast(promised)) {
                missing.add(flow + ": service shows " + shown.map(Enum::name).orElse("no contract"));
                continue;
            }
            if (shown.get().isAtLeast(FlowStep.FUND)) {
                BigDecimal expectedInEscrow = shown.get() == FlowStep.APPROVE ? BigDecimal.ZERO : flow.deposit();
                BigDecimal inEscrow = balances.getOrDefault(LedgerSnapshot.key("escrow:" + contractId, flow.currency()), BigDecimal.ZERO);
                if (inEscrow.compareTo(expectedInEscrow) != 0) {
                    missing.add(flow + ": escrow holds " + inEscrow + ", expected " + expectedInEscrow + " at " + shown.get());
                }
            }
        }
        return missing;
    }

    /** The first unanswered request of each flow, sent again exactly as before (same idempotency key). */
    private void retryUnacknowledgedRequests(LedgerApi api, List<FixedPriceFlow> flows) throws Exception {
        List<FixedPriceFlow> unanswered = flows.stream()
                .filter(flow -> flow.interruption().map(answer -> answer.outcome() == Outcome.UNACKNOWLEDGED).orElse(false))
                .toList();
        inParallelPerClient(unanswered, flow -> {
            FlowStep step = flow.interruptedAt().orElseThrow();
            Answer answer = log.perform(flow, step, api, Attempt.RETRY, 0);
            if (answer.outcome() == Outcome.UNACKNOWLEDGED) {
                violations.add("a retry after the last restart got no answer", flow + ": " + answer);
            } else if (!answer.acknowledged() && !refusedAsAlreadyDone(step, answer)) {
                violations.add("a retry of an unanswered request was refused", flow + ": " + answer);
            }
        });
        System.out.printf("Retried %d unanswered requests%n", unanswered.size());
    }

    /**
     * Without a key, a repeated accept or submit is refused as a conflict once the first one took effect.
     * An approval's retry may also meet a milestone the automatic release has paid meanwhile.
     */
    private static boolean refusedAsAlreadyDone(FlowStep step, Answer answer) {
        return "CONFLICT".equals(answer.classification()) && (!step.hasIdempotencyKey() || step == FlowStep.APPROVE);
    }

    /**
     * Drives every unfinished flow to a released milestone with the same keys as before, from whatever
     * state the service shows. The auto-release probe is left to its deadline. Returns the flows whose
     * milestone is (or, for the probe, will be) released: the ones the ledger must account for.
     */
    private List<FixedPriceFlow> finishFlows(LedgerApi api, List<FixedPriceFlow> flows, DeadlineProbes probes) throws Exception {
        List<FixedPriceFlow> released = new ArrayList<>(probes.both());
        List<FixedPriceFlow> finished = Collections.synchronizedList(new ArrayList<>());
        inParallelPerClient(flows, flow -> {
            if (finish(api, flow)) {
                finished.add(flow);
            }
        });
        released.addAll(finished);
        return released;
    }

    private boolean finish(LedgerApi api, FixedPriceFlow flow) {
        if (flow.lastAcknowledged().equals(Optional.of(FlowStep.APPROVE))) {
            return true;
        }
        for (int attempt = 0; attempt < 2 * FlowStep.values().length; attempt++) {
            Optional<FlowStep> shown = shownBy(api, flow);
            if (shown.equals(Optional.of(FlowStep.APPROVE))) {
                return true;
            }
            FlowStep next = shown.flatMap(FlowStep::next).orElse(FlowStep.OFFER);
            Answer answer = log.perform(flow, next, api, Attempt.COMPLETION, 0);
            // The automatic release can pay a submitted milestone between the read above and the approval; the next
            // read must then show it released, or the flow is reported unfinished below.
            boolean autoReleasedMeanwhile = next == FlowStep.APPROVE && refusedAsAlreadyDone(next, answer);
            if (!answer.acknowledged() && !autoReleasedMeanwhile) {
                violations.add("a step finishing an interrupted flow was not acknowledged", flow + " " + next + ": " + answer);
            }
        }
        violations.add("a flow could not be finished after the last restart", flow.toString());
        return false;
    }

    private static Optional<FlowStep> shownBy(LedgerApi api, FixedPriceFlow flow) {
        if (flow.contractId().isEmpty()) {
            return Optional.empty();
        }
        Answer answer = Answer.of(() -> api.contract(flow.client(), flow.contractId().get()));
        return answer.acknowledged() ? FlowStep.reachedBy(answer.response().data().path("contract")) : Optional.empty();
    }

    /** Balances to the cent, a zero trial balance per currency, and every posting exactly once. */
    private void checkLedgerSettledExactlyOnce(LedgerApi api, List<FixedPriceFlow> released) {
        Map<String, BigDecimal> expected = ExpectedLedger.settled(released);
        List<String> differences = Waiting.until(Duration.ofSeconds(40), () -> {
            List<String> problems = new ArrayList<>(ExpectedLedger.differences(expected, LedgerSnapshot.balances(api)));
            for (String currency : CURRENCIES) {
                JsonNode trialBalance = api.trialBalance(currency).dataAt("trialBalance");
                if (Amounts.exact(trialBalance.path("total").path("amount").asString()).signum() != 0
                        || !trialBalance.path("balanced").asBoolean()) {
                    problems.add("trial balance " + currency + ": " + trialBalance);
                }
            }
            return problems;
        });
        violations.addAll("the settled ledger differs from the released flows, to the cent", differences);
        violations.addAll("money booked other than exactly once", StatementPostings.bookedOtherThanOnce(api, released));
        System.out.printf("Ledger checked for %d released flows%n", released.size());
    }

    /**
     * Finance's verification of the hash chain: every entry still points at the event it was made from. Concurrent
     * commands commit out of order, so some events reach the ledger after one with a higher position.
     */
    private void checkJournalChainVerifies(LedgerApi api) {
        JsonNode verification = api.call(DemoUser.ERIN, "{ verifyJournalChain { ok entriesChecked firstBreak { kind description } } }",
                Map.of()).dataAt("verifyJournalChain");
        if (!verification.path("ok").asBoolean() || verification.path("entriesChecked").asInt() == 0) {
            violations.add("the journal chain does not verify after concurrent load and kills", verification.toString());
        }
        System.out.printf("Journal chain: ok %s over %d entries%n", verification.path("ok").asBoolean(),
                verification.path("entriesChecked").asInt());
    }

    /**
     * The probes' deadlines were pending when the service died: the automatic release was due after the
     * kill and the security period ended after it. Their postings prove both fired after the restart.
     */
    private void checkDeadlinesFiredAfterTheLastRestart(LedgerApi api, DeadlineProbes probes) {
        Instant lastKill = kills.get(kills.size() - 1);
        if (!probes.autoReleaseAt().isAfter(lastKill) || !probes.approvedAt().plus(SECURITY_PERIOD).isAfter(lastKill)) {
            violations.add("test timing: a probe's deadline was due before the last kill", "auto-release at "
                    + probes.autoReleaseAt() + ", approved at " + probes.approvedAt() + ", killed at " + lastKill);
        }
        FixedPriceFlow submitted = probes.submitted();
        JsonNode milestone = api.contract(submitted.client(), submitted.contractId().orElseThrow()).dataAt("contract.milestones.0");
        if (!"RELEASED".equals(milestone.path("status").asString())
                || Amounts.exact(milestone.path("releasedAmount").path("amount").asString()).compareTo(submitted.deposit()) != 0) {
            violations.add("the automatic release pending at the kill did not pay the milestone", milestone.toString());
        }
        violations.addAll("a deadline pending at the kill did not fire exactly once after the restart",
                StatementPostings.bookedOtherThanOnce(api, probes.both()));
    }

    private void checkAnswers() {
        for (Entry entry : log.all()) {
            Answer answer = entry.answer();
            if (answer.isInternalError()) {
                violations.add("an answer was an INTERNAL_ERROR", entry.toString());
            }
            if (entry.attempt() == Attempt.LOAD && answer.outcome() == Outcome.REFUSED && !autoReleasedFirst(entry)) {
                violations.add("a step of a well-formed flow was refused under load", entry.toString());
            }
            // A pending answer says the change is recorded but not shown yet; its effect is checked with the rest.
            if (answer.acknowledged() && !answer.pending(entry.step().mutation()) && !showsItsOwnChange(entry)) {
                violations.add("an acknowledged answer did not show its own change", entry.toString());
            }
        }
    }

    /**
     * A flow that carries on after a restart may find its submitted milestone already paid by the
     * automatic release (due 20 s after the submission; a restart can take longer on a busy machine).
     */
    private static boolean autoReleasedFirst(Entry entry) {
        return entry.step() == FlowStep.APPROVE && "CONFLICT".equals(entry.answer().classification())
                && entry.answer().detail() != null && entry.answer().detail().contains("is released");
    }

    private static boolean showsItsOwnChange(Entry entry) {
        try {
            return FlowStep.reachedBy(entry.answer().contract(entry.step().mutation()))
                    .map(shown -> shown.isAtLeast(entry.step())).orElse(false);
        } catch (IllegalStateException unexpectedState) {
            return false;
        }
    }

    /** No contract twice, none missing: the contracts the clients see are exactly the flows' contracts. */
    private void checkEveryFlowHasItsOwnContract(LedgerSnapshot live, List<FixedPriceFlow> released) {
        Set<String> expected = new TreeSet<>();
        released.forEach(flow -> flow.contractId().ifPresent(expected::add));
        if (!live.contractsById().keySet().equals(expected)) {
            Set<String> extra = new TreeSet<>(live.contractsById().keySet());
            extra.removeAll(expected);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(live.contractsById().keySet());
            violations.add("the clients' contracts are not exactly the flows' contracts", "extra " + extra + ", missing " + missing);
        }
    }

    /**
     * Deadlines are not cancelled: an approved milestone's auto-release still fires at its time and does
     * nothing. Waiting for the last of them lets the check below demand an empty, failure-free schedule.
     * A release seen by the checks before (the probes' automatic release can fire late, after a restart)
     * starts a security period from when it happened, so the wait also covers one period from now.
     */
    private static void awaitAutoReleasesSetBefore(Instant lastSubmission) throws InterruptedException {
        Instant lastAutoRelease = lastSubmission.plus(AUTO_RELEASE_AFTER);
        Instant lastSecurityPeriodEnd = Instant.now().plus(SECURITY_PERIOD);
        Instant settled = (lastAutoRelease.isAfter(lastSecurityPeriodEnd) ? lastAutoRelease : lastSecurityPeriodEnd).plusSeconds(3);
        Duration left = Duration.between(Instant.now(), settled);
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
    }

    /** Read from the files once the service has stopped, and from its logs. */
    private void checkLogsDeadLettersAndDeadlines(ServiceProcess service) {
        EventStoreFiles files = new EventStoreFiles(dataDirectory);
        long deadLetters = files.count("dead_letter_entry");
        if (deadLetters > 0) {
            violations.add("events were dead-lettered", deadLetters + " rows in dead_letter_entry");
        }
        // Every milestone is released, every security period and auto-release over: no deadline may be left,
        // least of all a failing one.
        violations.addAll("a deadline is left pending or failing after everything settled", files.scheduledTasks());
        violations.addAll("the service logged an error or a failed deadline", ServiceLogs.linesMatching(service.logFiles(), ServiceLogs.FAILURE));
        violations.addAll("the service logged a dead letter", ServiceLogs.linesMatching(service.logFiles(), ServiceLogs.DEAD_LETTER));
        violations.addAll("the service logged an unexpected failure (INTERNAL_ERROR)",
                ServiceLogs.linesMatching(service.logFiles(), ServiceLogs.UNEXPECTED_FAILURE));
    }

    /** A copy of the data without read models or tracking tokens rebuilds everything from the events alone. */
    private void checkFullReplayEqualsLive(LedgerSnapshot live) {
        Path replayDirectory = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-replay");
        new EventStoreFiles(dataDirectory).copyForFullReplay(replayDirectory);
        try (ServiceProcess replay = new ServiceProcess("crash-recovery-replay", replayDirectory, ENVIRONMENT)) {
            replay.start();
            LedgerApi api = new LedgerApi(replay.baseUrl());
            // Ends as soon as the replay shows the live state; the bound only matters on a machine so busy that
            // rebuilding every projection from the first event takes minutes (seen with four other builds running).
            List<String> differences = Waiting.until(Duration.ofSeconds(180),
                    () -> live.differencesFrom(LedgerSnapshot.take(api, CURRENCIES)));
            violations.addAll("the live projections differ from a full replay (live vs replay)", differences);
            replay.stop();
        }
    }

    /** Each client's flows in order on its own thread, as that client would; the clients side by side. */
    private static void inParallelPerClient(List<FixedPriceFlow> flows, Consumer<FixedPriceFlow> action) throws Exception {
        Map<String, List<FixedPriceFlow>> byClient = new TreeMap<>();
        flows.forEach(flow -> byClient.computeIfAbsent(flow.name().split("-")[0], ignored -> new ArrayList<>()).add(flow));
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, byClient.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            byClient.values().forEach(clientFlows -> running.add(threads.submit(() -> clientFlows.forEach(action))));
            for (Future<?> future : running) {
                future.get(5, MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
