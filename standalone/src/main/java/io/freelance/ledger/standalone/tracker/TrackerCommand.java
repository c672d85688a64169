package io.freelance.ledger.standalone.tracker;

import io.freelance.ledger.standalone.tracker.CellPlan.WorkingHours;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar standalone.jar tracker …}: a freelancer's time tracker, simulated over the service's
 * real HTTP API. It records cells of the open weeks that have ended, with generated screenshots and
 * activity, on a given contract or on new hourly contracts it has the client offer and the freelancer
 * accept; then prints what it did and how fast.
 */
@Command(name = TrackerCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        version = "tracker simulator of the freelance ledger, standalone 0.1.0",
        description = {
            "Simulates a freelancer's time tracker over the service's HTTP API: for each 10-minute cell it draws a "
                    + "screenshot, uploads it (POST /screenshots) and records the segment (recordTrackedSegment).",
            "Cells are the latest ended cells of the weeks still open (this week, and the previous one until Monday "
                    + "12:00 UTC) within the working hours, after the contract's acceptance, skipping cells already "
                    + "recorded. A contract accepted just now has none yet: add --live to record cells as they end.",
            "Exit code 0 when nothing but repeats was refused, 1 otherwise, 2 for bad arguments."})
public final class TrackerCommand implements Callable<Integer> {

    public static final String NAME = "tracker";
    private static final int MAXIMUM_CELLS = 10_000;
    private static final int MAXIMUM_CLIENTS = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The service (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--freelancer", required = true, paramLabel = "USER:PASSWORD", converter = CredentialsConverter.class,
            description = "The freelancer the tracker signs in as, e.g. carol:carol-pass.")
    Credentials freelancer;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ContractSource contract;

    @Option(names = "--cells", defaultValue = "24", description = "Cells to record per tracker (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--clients", defaultValue = "1",
            description = "Trackers running at once; with --client each on its own new contract, with --contract "
                    + "sharing its cells (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated activity and images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hours", defaultValue = "8-18", paramLabel = "FROM-TO", converter = WorkingHoursConverter.class,
            description = "Working hours, UTC, of the past cells chosen (default: ${DEFAULT-VALUE}).")
    WorkingHours workingHours;

    @Option(names = "--live", description = "When past cells run out, wait for each next cell to end and record it.")
    boolean live;

    @Option(names = "--rate", defaultValue = "25.00", description = "Hourly rate in USD of contracts offered with --client (default: ${DEFAULT-VALUE}).")
    String hourlyRate;

    private final PrintStream out;
    private final Clock clock;
    private TrackerSummary summary;

    private TrackerCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Where the contracts come from: one given, or new ones the client offers. */
    static final class ContractSource {

        @Option(names = "--contract", paramLabel = "ID", description = "An accepted hourly contract of the freelancer with the tracker.")
        String contractId;

        @Option(names = "--client", paramLabel = "USER:PASSWORD", converter = CredentialsConverter.class,
                description = "A client who offers each tracker a new hourly contract with the tracker; the freelancer accepts it.")
        Credentials client;
    }

    /** The simulator's exit code, and what it did when it ran (null for --help or bad arguments). */
    public record Result(int exitCode, TrackerSummary summary) {
    }

    /** Runs the simulator with command-line arguments (those after {@code tracker}). */
    public static Result execute(PrintStream out, PrintStream err, String... args) {
        // Screenshots are drawn with Java2D; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        TrackerCommand command = new TrackerCommand(out, Clock.systemUTC());
        CommandLine commandLine = new CommandLine(command)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, command.summary);
    }

    @Override
    public Integer call() {
        requireWithin("--cells", cells, 1, MAXIMUM_CELLS);
        requireWithin("--clients", clients, 1, MAXIMUM_CLIENTS);
        TrackerApi api = new TrackerApi(new LedgerHttp(url));
        List<Tracker> trackers;
        RunRecorder recorder = new RunRecorder();
        List<String> contractIds = new ArrayList<>();
        try {
            trackers = contract.contractId != null
                    ? trackersSharing(api, contract.contractId, recorder, contractIds)
                    : trackersOnNewContracts(api, recorder, contractIds);
        } catch (TrackerSetupException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        long start = System.nanoTime();
        runAll(trackers);
        summary = recorder.summary(Duration.ofNanos(System.nanoTime() - start), contractIds);
        out.print(summary.describe());
        return summary.errorCount() == 0 ? 0 : 1;
    }

    private List<Tracker> trackersSharing(TrackerApi api, String contractId, RunRecorder recorder, List<String> contractIds) {
        contractIds.add(contractId);
        List<Instant> planned = plan(api, contractId);
        List<Tracker> trackers = new ArrayList<>();
        for (int index = 0; index < clients; index++) {
            List<Instant> share = new ArrayList<>();
            for (int cell = index; cell < planned.size(); cell += clients) {
                share.add(planned.get(cell));
            }
            trackers.add(tracker(index, api, contractId, share, recorder));
        }
        return trackers;
    }

    private List<Tracker> trackersOnNewContracts(TrackerApi api, RunRecorder recorder, List<String> contractIds) {
        List<Tracker> trackers = new ArrayList<>();
        for (int index = 0; index < clients; index++) {
            String contractId = api.hourlyContractWithTracker(contract.client, freelancer, hourlyRate, "USD");
            out.printf("Contract %s offered by %s and accepted by %s%n", contractId, contract.client.user(), freelancer.user());
            contractIds.add(contractId);
            trackers.add(tracker(index, api, contractId, plan(api, contractId), recorder));
        }
        return trackers;
    }

    private Tracker tracker(int index, TrackerApi api, String contractId, List<Instant> cells, RunRecorder recorder) {
        // Each tracker its own random sequence, so concurrent trackers do not draw the same cells' activity.
        return new Tracker("tracker " + (index + 1), api, freelancer, contractId, cells, seed * 31 + index, recorder, out, clock);
    }

    /** The cells to record on a contract: past ones as the rules allow, then (with --live) the cells to come. */
    private List<Instant> plan(TrackerApi api, String contractId) {
        Instant now = clock.instant();
        Instant acceptedAt = api.acceptedAt(freelancer, contractId);
        Set<Instant> recorded = api.recordedCells(freelancer, contractId, CellPlan.earliestRecordable(now, acceptedAt), now);
        List<Instant> planned = new ArrayList<>(CellPlan.latestCells(now, acceptedAt, recorded, workingHours, cells));
        out.printf("Contract %s: %d past cells to record (%d recorded before)%n", contractId, planned.size(), recorded.size());
        if (planned.size() < cells && live) {
            Instant next = CellPlan.lastEndedCell(now).plus(CellPlan.CELL_LENGTH);
            while (planned.size() < cells) {
                planned.add(next);
                next = next.plus(CellPlan.CELL_LENGTH);
            }
        } else if (planned.size() < cells) {
            out.printf("Only %d of %d cells can be recorded now: a cell must have ended, end after the contract's "
                    + "acceptance (%s) and lie in a week not locked; --live records cells as they end.%n",
                    planned.size(), cells, acceptedAt);
        }
        return planned;
    }

    private void runAll(List<Tracker> trackers) {
        ExecutorService executor = Executors.newFixedThreadPool(trackers.size());
        trackers.forEach(executor::execute);
        executor.shutdown();
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // Live runs last as long as their cells; keep waiting.
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void requireWithin(String option, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) {
            throw new ParameterException(spec.commandLine(),
                    "%s must be from %d to %d; %d was given.".formatted(option, minimum, maximum, value));
        }
    }

    static final class CredentialsConverter implements CommandLine.ITypeConverter<Credentials> {

        @Override
        public Credentials convert(String value) {
            return Credentials.parse(value);
        }
    }

    static final class WorkingHoursConverter implements CommandLine.ITypeConverter<WorkingHours> {

        @Override
        public WorkingHours convert(String value) {
            String[] bounds = value.split("-", 2);
            if (bounds.length != 2) {
                throw new IllegalArgumentException("Expected FROM-TO hours, e.g. 8-18");
            }
            return new WorkingHours(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()));
        }
    }
}
