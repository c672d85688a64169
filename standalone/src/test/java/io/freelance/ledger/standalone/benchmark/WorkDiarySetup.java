package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.StandaloneApplication;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prepares a data directory in this JVM, with the service's clock (Axon's {@code GenericEventMessage.clock}) set
 * by hand, before the measured child service starts on it: hourly contracts with the tracker accepted on the
 * week's Monday 00:00 UTC (no cell of the week lies before them), one per tracker and slot, and one more whose
 * whole week (1,008 cells, each with a screenshot) is recorded with the clock at the end of the week, for the
 * week query. Everything goes through the GraphQL API and the upload endpoint, as a tracker and a client would.
 */
final class WorkDiarySetup {

    static final int CELLS_PER_WEEK = 7 * 24 * 6;
    static final Duration CELL = Duration.ofMinutes(10);
    private static final int SETUP_THREADS = 4;

    /** The tracker contracts, by tracker, and the contract whose week is full. */
    record Prepared(LocalDate week, List<List<String>> contractsByTracker, String fullWeekContract) {
    }

    private WorkDiarySetup() {
    }

    static DemoUser freelancerOf(int tracker) {
        return tracker % 2 == 0 ? DemoUser.CAROL : DemoUser.DAVE;
    }

    static DemoUser clientOf(int tracker) {
        return (tracker / 2) % 2 == 0 ? DemoUser.ALICE : DemoUser.BOB;
    }

    static Instant cell(LocalDate week, int index) {
        return UtcWeek.startOf(week).plus(CELL.multipliedBy(index));
    }

    static Prepared prepare(Path dataDirectory, LocalDate week, int trackers, int contractsPerTracker,
                            DesktopScreenshots screenshots) {
        Clock original = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(UtcWeek.startOf(week), ZoneOffset.UTC);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--ledger.data-dir=" + dataDirectory, "--server.port=0", "--server.address=127.0.0.1")) {
            TimedGraphQlClient http = new TimedGraphQlClient(
                    "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
            List<List<String>> contractsByTracker = trackerContracts(http, trackers, contractsPerTracker);
            String fullWeek = acceptedContract(http, DemoUser.ALICE, DemoUser.CAROL);
            // The week has ended (its last cell too) and is open until Monday 12:00.
            GenericEventMessage.clock = Clock.fixed(UtcWeek.nextWeekStart(UtcWeek.startOf(week)), ZoneOffset.UTC);
            fillWeek(http, fullWeek, week, screenshots.get(0));
            return new Prepared(week, contractsByTracker, fullWeek);
        } finally {
            GenericEventMessage.clock = original;
        }
    }

    /** A few trackers' contracts at a time: setting up is not measured, and one at a time takes long on a busy machine. */
    private static List<List<String>> trackerContracts(TimedGraphQlClient http, int trackers, int contractsPerTracker) {
        ExecutorService threads = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<List<String>>> byTracker = new ArrayList<>();
            for (int tracker = 0; tracker < trackers; tracker++) {
                int index = tracker;
                byTracker.add(threads.submit(() -> {
                    List<String> contracts = new ArrayList<>();
                    for (int slot = 0; slot < contractsPerTracker; slot++) {
                        contracts.add(acceptedContract(http, clientOf(index), freelancerOf(index)));
                    }
                    return contracts;
                }));
            }
            List<List<String>> contracts = new ArrayList<>();
            for (Future<List<String>> tracker : byTracker) {
                contracts.add(tracker.get());
            }
            return contracts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Setting up the trackers' contracts failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static String acceptedContract(TimedGraphQlClient http, DemoUser client, DemoUser freelancer) {
        Map<String, Object> offer = Map.of("idempotencyKey", "diary-benchmark-" + UUID.randomUUID(),
                "freelancerId", freelancer.id(), "title", "Tracked work (benchmark)",
                "hourlyRate", Map.of("amount", "42.50", "currency", "USD"), "trackerOptIn", true);
        String contractId = required(http.post(client, """
                mutation($input: OfferHourlyContractInput!) { offerHourlyContract(input: $input) { contractId } }""",
                Map.of("input", offer)), "offer").data().path("offerHourlyContract").path("contractId").asString();
        required(http.post(freelancer, """
                mutation($input: AcceptContractInput!) { acceptContract(input: $input) { contractId } }""",
                Map.of("input", Map.of("contractId", contractId))), "accept");
        return contractId;
    }

    /** Every cell of the week, in order, with one screenshot; then waits until the week query shows them all. */
    private static void fillWeek(TimedGraphQlClient http, String contractId, LocalDate week, DesktopScreenshots.Image image) {
        Reply upload = http.postBytes(DemoUser.CAROL, "/screenshots", image.contentType(),
                image.body("full-week-" + UUID.randomUUID()));
        if (upload.status() != 201) {
            throw new IllegalStateException("Upload for the full week answered " + upload.status() + ": " + upload.body());
        }
        String screenshotId = upload.body().path("screenshotId").asString();
        for (int index = 0; index < CELLS_PER_WEEK; index++) {
            required(http.post(DemoUser.CAROL, TrackedSegments.RECORD,
                    Map.of("input", TrackedSegments.input(contractId, cell(week, index), screenshotId, index))), "record");
        }
        long giveUpAt = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (WeekQuery.cells(http.post(DemoUser.ALICE, WeekQuery.DOCUMENT, WeekQuery.variables(contractId, week))) != CELLS_PER_WEEK) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("The week query did not show " + CELLS_PER_WEEK + " cells within 2 minutes");
            }
            pause();
        }
    }

    private static Reply required(Reply reply, String what) {
        if (!reply.answered()) {
            throw new IllegalStateException("Setting up, " + what + " answered " + reply.status() + ": "
                    + (reply.failure() != null ? reply.failure() : reply.body()));
        }
        return reply;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
