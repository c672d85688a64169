package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.ServiceProcess;
import io.freelance.ledger.standalone.benchmark.ScenarioRun.Measured;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import io.freelance.ledger.standalone.benchmark.WorkDiarySetup.Prepared;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Work Diary's figures over HTTP, for the standalone service as its own JVM at -Xmx512m: tracked segments recorded
 * per second by 16 concurrent trackers (their screenshots already stored), screenshot uploads in MB/s, and the
 * client's week query on a full week (1,008 cells). Every answer is parsed and checked; figures are printed beside
 * their targets, with the event store's raw append rate from the same run and the child's heap. Figures, not
 * pass/fail (tag {@code benchmark}): it fails only on wrong answers. Durations and sizes are system properties
 * ({@code diaryBench.*}, below); run it as the README says.
 * <p>
 * <b>The clock.</b> A cell can be recorded only once it has ended (give or take the tracker's clock allowance, two
 * minutes by default), not before the contract's acceptance and not in a locked week (a week locks the Monday 12:00
 * UTC after it), all on the service's clock. A service started now would offer only the elapsed part of this week.
 * So the data directory is prepared in this JVM first ({@link WorkDiarySetup}: contracts accepted at this week's
 * Monday 00:00 UTC, one full week recorded with the clock at the week's end), and the measured child then runs with
 * its service clock moved ahead to the end of this same week, next Monday 00:00 UTC ({@link ServiceAtShiftedClock}):
 * every cell of the week has ended and the week stays open for twelve hours of service time. (Sunday 23:50 would leave
 * the last cell, 23:50 to 24:00, in the future.) Each tracker then records the cells of its contracts' week in order.
 * <p>
 * <b>Deadlines do not fire during the run.</b> The only deadline the diary sets is the week's lock, on the Monday
 * 12:00 after it on the service's clock, and db-scheduler stores it with that instant and fires it by the wall clock.
 * The service's clock runs ahead of the wall clock, so that instant, next Monday 12:00, is always still days or hours
 * ahead of the wall clock (offers and acceptances set none). Checked after the run from the stopped service's store:
 * no week locked, no pending task due before the wall clock's now.
 */
@Tag("benchmark")
class WorkDiaryBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("diaryBench.warmUpSeconds", 5));
    private static final Duration MEASUREMENT = Duration.ofSeconds(Integer.getInteger("diaryBench.measureSeconds", 20));
    private static final int TRACKERS = Integer.getInteger("diaryBench.trackers", 16);
    /** 1,008 cells each: 16 trackers × 5 contracts hold 80,640 segments, 40 s at the target rate. */
    private static final int CONTRACTS_PER_TRACKER = Integer.getInteger("diaryBench.contractsPerTracker", 5);
    private static final int UPLOADERS = Integer.getInteger("diaryBench.uploaders", 4);
    private static final int DISTINCT_IMAGES = Integer.getInteger("diaryBench.images", 8);
    private static final int WEEK_QUERY_CLIENTS = Integer.getInteger("diaryBench.weekQueryClients", 1);
    private static final int RAW_APPEND_ROWS = 200_000;
    private static final Duration RAW_APPEND_TIME = Duration.ofSeconds(10);

    private record Row(String scenario, Measured measured, String figure, String target, boolean targetMet,
                       WrongAnswers wrongAnswers) {
    }

    @Test
    void segmentsPerSecondUploadThroughputAndFullWeekQueryLatencyOverHttp() throws Exception {
        String run = UUID.randomUUID().toString();
        Path dataDirectory = Path.of("target", "benchmark-data", "diary-" + run).toAbsolutePath();
        LocalDate week = UtcWeek.weekStartDate(Instant.now());
        DesktopScreenshots screenshots = new DesktopScreenshots(DISTINCT_IMAGES, run.hashCode());
        Prepared prepared = WorkDiarySetup.prepare(dataDirectory, week, TRACKERS, CONTRACTS_PER_TRACKER, screenshots);

        Instant serviceStart = UtcWeek.nextWeekStart(UtcWeek.startOf(week));
        Duration offset = Duration.between(Instant.now(), serviceStart);
        Row segments;
        Row weekQuery;
        Row uploads;
        int trackersOutOfCells;
        String heap;
        try (ServiceProcess service = new ServiceProcess("diary-benchmark", dataDirectory, Map.of(),
                new ServiceProcess.ChildMain(ServiceAtShiftedClock.class,
                        Map.of(ServiceAtShiftedClock.OFFSET_PROPERTY, offset.toString())))) {
            service.start();
            String baseUrl = service.baseUrl();

            Trackers trackers = new Trackers(prepared, trackerScreenshots(baseUrl, screenshots, run), new WrongAnswers());
            Measured recorded = ScenarioRun.run(baseUrl, service.port(), TRACKERS, WARM_UP, MEASUREMENT, trackers);
            trackersOutOfCells = trackers.outOfCells.get();
            segments = new Row("(1) recordTrackedSegment, %d trackers".formatted(TRACKERS), recorded,
                    perSecond(recorded, "segments"), ">= 2,000/s, p99 <= 50 ms",
                    recorded.summary().perSecond() >= 2_000 && recorded.summary().latencyMsP99() <= 50, trackers.wrongAnswers);

            WrongAnswers wrongWeeks = new WrongAnswers();
            Measured queried = ScenarioRun.run(baseUrl, service.port(), WEEK_QUERY_CLIENTS, WARM_UP, MEASUREMENT,
                    (client, mutations, http, recorder, phase, untilNanos) -> {
                        while (System.nanoTime() < untilNanos) {
                            Reply reply = http.post(DemoUser.ALICE, WeekQuery.DOCUMENT,
                                    WeekQuery.variables(prepared.fullWeekContract(), week));
                            recorder.record(reply.latencyNanos(),
                                    wrongWeeks.tally(phase, WeekQuery.wrong(reply, WorkDiarySetup.CELLS_PER_WEEK)));
                        }
                    });
            weekQuery = new Row("(3) workDiaryWeek, full week, %d client(s)".formatted(WEEK_QUERY_CLIENTS), queried,
                    perSecond(queried, "queries"), "p99 <= 20 ms", queried.summary().latencyMsP99() <= 20, wrongWeeks);

            Uploads uploading = new Uploads(screenshots, run);
            Measured uploaded = ScenarioRun.run(baseUrl, service.port(), UPLOADERS, WARM_UP, MEASUREMENT, uploading);
            double megabytesPerSecond = uploading.bytes("measured") / 1e6 / uploaded.summary().seconds();
            uploads = new Row("(2) POST /screenshots, %d uploaders".formatted(UPLOADERS), uploaded,
                    String.format(Locale.ROOT, "%.1f MB/s", megabytesPerSecond), ">= 100 MB/s", megabytesPerSecond >= 100,
                    uploading.wrongAnswers);

            heap = ServiceFigures.heapInUse(baseUrl);
            service.stop();
        }
        StoredDeadlines deadlines = StoredDeadlines.read(dataDirectory);
        Instant wallClockAfterRun = Instant.now();
        RawAppendRate.Result raw = RawAppendRate.measure(dataDirectory,
                Path.of("target", "benchmark-data", "raw-appends-" + run).toAbsolutePath(), RAW_APPEND_ROWS,
                RAW_APPEND_TIME.toNanos());
        List<Row> rows = List.of(segments, uploads, weekQuery);
        print(rows, screenshots, serviceStart, trackersOutOfCells, raw, deadlines, heap);

        for (Row row : rows) {
            assertThat(row.measured().summary().count()).as("%s measured requests", row.scenario()).isPositive();
            // Pending answers count as errors in the figures; on a saturated machine they are slowness, not wrong answers.
            assertThat(row.wrongAnswers().excludingPending()).as("%s wrong or missing answers: %s", row.scenario(),
                    row.wrongAnswers()).isZero();
        }
        assertThat(deadlines.weeksLocked()).as("weeks locked by a deadline during the run").isZero();
        assertThat(deadlines.earliestDue()).as("the earliest pending deadline, against the wall clock")
                .isAfter(wallClockAfterRun);
        assertThat(raw.rows()).as("raw appends").isPositive();
    }

    /** Each tracker's screenshot, uploaded once before anything is measured; its segments all refer to it. */
    private static List<String> trackerScreenshots(String baseUrl, DesktopScreenshots screenshots, String run) {
        TimedGraphQlClient http = new TimedGraphQlClient(baseUrl);
        List<String> ids = new ArrayList<>();
        for (int tracker = 0; tracker < TRACKERS; tracker++) {
            DesktopScreenshots.Image image = screenshots.get(tracker);
            Reply reply = http.postBytes(WorkDiarySetup.freelancerOf(tracker), "/screenshots", image.contentType(),
                    image.body("tracker-" + tracker + "-" + run));
            if (reply.status() != 201) {
                throw new IllegalStateException("Tracker " + tracker + "'s upload answered " + reply.status() + ": " + reply.body());
            }
            ids.add(reply.body().path("screenshotId").asString());
        }
        return ids;
    }

    /** Each tracker records the cells of its contracts' week in order, contract after contract, warm-up and measurement alike. */
    private static final class Trackers implements ScenarioRun.ClientWork {

        private final Prepared prepared;
        private final List<String> screenshotIds;
        private final AtomicIntegerArray nextCell = new AtomicIntegerArray(TRACKERS);
        private final AtomicInteger outOfCells = new AtomicInteger();
        private final WrongAnswers wrongAnswers;

        Trackers(Prepared prepared, List<String> screenshotIds, WrongAnswers wrongAnswers) {
            this.prepared = prepared;
            this.screenshotIds = screenshotIds;
            this.wrongAnswers = wrongAnswers;
        }

        @Override
        public void run(int tracker, CheckedMutations mutations, TimedGraphQlClient http, LatencyRecorder recorder, String phase,
                        long untilNanos) {
            List<String> contracts = prepared.contractsByTracker().get(tracker);
            DemoUser freelancer = WorkDiarySetup.freelancerOf(tracker);
            while (System.nanoTime() < untilNanos) {
                int index = nextCell.getAndIncrement(tracker);
                if (index >= contracts.size() * WorkDiarySetup.CELLS_PER_WEEK) {
                    outOfCells.incrementAndGet();
                    return;
                }
                String contractId = contracts.get(index / WorkDiarySetup.CELLS_PER_WEEK);
                Instant cell = WorkDiarySetup.cell(prepared.week(), index % WorkDiarySetup.CELLS_PER_WEEK);
                Reply reply = http.post(freelancer, TrackedSegments.RECORD,
                        Map.of("input", TrackedSegments.input(contractId, cell, screenshotIds.get(tracker), index)));
                recorder.record(reply.latencyNanos(), wrongAnswers.tally(phase, TrackedSegments.wrong(reply, contractId, cell)));
            }
        }
    }

    /** Freelancers upload new screenshots back to back; only a 201 (stored anew) counts its bytes. */
    private static final class Uploads implements ScenarioRun.ClientWork {

        private final DesktopScreenshots screenshots;
        private final String run;
        private final Map<String, LongAdder> bytesByPhase = new ConcurrentHashMap<>();
        private final WrongAnswers wrongAnswers = new WrongAnswers();

        Uploads(DesktopScreenshots screenshots, String run) {
            this.screenshots = screenshots;
            this.run = run;
        }

        @Override
        public void run(int uploader, CheckedMutations mutations, TimedGraphQlClient http, LatencyRecorder recorder, String phase,
                        long untilNanos) {
            LongAdder bytes = bytesByPhase.computeIfAbsent(phase, ignored -> new LongAdder());
            DemoUser freelancer = WorkDiarySetup.freelancerOf(uploader);
            for (int upload = 0; System.nanoTime() < untilNanos; upload++) {
                DesktopScreenshots.Image image = screenshots.get(uploader + upload);
                String marker = "upload-%s-%s-%d-%d".formatted(run, phase, uploader, upload);
                Reply reply = http.postBytes(freelancer, "/screenshots", image.contentType(), image.body(marker));
                boolean stored = wrongAnswers.tally(phase, wrong(reply));
                recorder.record(reply.latencyNanos(), stored);
                if (stored) {
                    bytes.add(reply.body().path("bytes").asLong());
                }
            }
        }

        /** Null for a 201 naming the new screenshot, its id a SHA-256 and its width the image's. */
        private static String wrong(Reply reply) {
            if (reply.failure() != null) {
                return "no answer: " + reply.failure();
            }
            if (reply.status() != 201) {
                return "HTTP " + reply.status();
            }
            boolean described = reply.body() != null && reply.body().path("screenshotId").asString("").length() == 64
                    && reply.body().path("width").asInt() == DesktopScreenshots.WIDTH;
            return described ? null : "201 without the screenshot's id and size";
        }

        long bytes(String phase) {
            return bytesByPhase.getOrDefault(phase, new LongAdder()).sum();
        }
    }

    private static String perSecond(Measured measured, String unit) {
        return String.format(Locale.ROOT, "%,.1f %s/s", measured.summary().perSecond(), unit);
    }

    private static void print(List<Row> rows, DesktopScreenshots screenshots, Instant serviceStart, int trackersOutOfCells,
                              RawAppendRate.Result raw, StoredDeadlines deadlines, String heap) {
        System.out.println();
        System.out.printf("== Work Diary over HTTP on the standalone service (child JVM, -Xmx512m, its clock started at %s), "
                        + "%d cores, warm-up %d s, measured up to %d s each%n", serviceStart,
                Runtime.getRuntime().availableProcessors(), WARM_UP.toSeconds(), MEASUREMENT.toSeconds());
        System.out.printf("%-42s | %9s | %22s | %8s | %8s | %8s | %8s | %6s | %11s | %-26s | %s%n",
                "scenario", "requests", "figure", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "connections", "target", "met");
        for (Row row : rows) {
            LatencyRecorder.Summary summary = row.measured().summary();
            System.out.printf(Locale.ROOT, "%-42s | %9d | %22s | %8.1f | %8.1f | %8.1f | %8.1f | %6d | %11d | %-26s | %s%n",
                    row.scenario(), summary.count(), row.figure(), summary.latencyMsP50(), summary.latencyMsP90(),
                    summary.latencyMsP99(), summary.latencyMsMax(), summary.errors(), row.measured().connectionsOpened(),
                    row.target(), row.targetMet() ? "yes" : "no");
        }
        System.out.printf(Locale.ROOT, "uploads: %d distinct %dx%d desktop images (JPEG and PNG), %s, each upload made new "
                        + "bytes by a comment; MB = 10^6 bytes, counted from 201 answers only%n",
                screenshots.count(), DesktopScreenshots.WIDTH, DesktopScreenshots.HEIGHT, screenshots.sizes());
        for (Row row : rows) {
            if (row.measured().summary().errors() > 0) {
                System.out.printf("%s, errors by kind: %s%n", row.scenario(), row.wrongAnswers());
            }
        }
        if (trackersOutOfCells > 0) {
            System.out.printf("%d tracker(s) recorded every cell they had before the time was up: (1) understates the rate; "
                    + "raise diaryBench.contractsPerTracker%n", trackersOutOfCells);
        }
        System.out.printf(Locale.ROOT, "event store alone: %,.0f appends/s (%d rows like domain_event_entry, payload %d bytes on "
                        + "average, one commit per row, same H2 URL settings as the service); a segment stores one event, so (1) "
                        + "reached %.1f%% of it%n",
                raw.rowsPerSecond(), raw.rows(), raw.averagePayloadBytes(),
                100 * rows.get(0).measured().summary().perSecond() / raw.rowsPerSecond());
        System.out.printf("deadlines after the run: %d week(s) locked; %d pending, the earliest due %s (wall clock now %s)%n",
                deadlines.weeksLocked(), deadlines.pending().size(), deadlines.earliestDue(), Instant.now());
        System.out.println("child JVM heap in use at the end: " + heap);
        System.out.println("load average of the machine at the end (other processes compete for the cores): "
                + ServiceFigures.loadAverage());
        System.out.println();
    }
}
