package io.freelance.ledger.standalone.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.DemoUser;
import io.freelance.ledger.standalone.ServiceProcess;
import io.freelance.ledger.standalone.benchmark.TimedGraphQlClient.Reply;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live delivery of messages: the standalone service as its own JVM at -Xmx512m, 100 group rooms of alice's with
 * carol, and 100 open {@code roomEvents(roomId)} subscriptions (one WebSocket each, as carol, one per room) while a
 * few keep-alive HTTP senders post alice's messages round the rooms at a paced rate. Each message carries its send
 * time; a subscriber measures send-to-receipt. One room per subscription, not one room of 100 members: most
 * marketplace conversations have two members, and each message is then delivered once. Prints messages/s sent,
 * deliveries/s, delivery latency p50/p99 and errors, and whether the target (p99 at most 100 ms at 500
 * messages/s) was met; fails only when nothing is delivered. Sizes are system properties:
 * {@code messagingBench.rate} (500 messages/s), {@code messagingBench.seconds} (30), {@code messagingBench.senders} (8),
 * {@code messagingBench.heap} (512m).
 */
@Tag("benchmark")
class MessagingBenchmark {

    private static final int ROOMS = 100;
    private static final int RATE_PER_SECOND = Integer.getInteger("messagingBench.rate", 500);
    private static final int SECONDS = Integer.getInteger("messagingBench.seconds", 30);
    private static final int SENDERS = Integer.getInteger("messagingBench.senders", 8);
    private static final String HEAP = System.getProperty("messagingBench.heap", "512m");
    private static final int WARM_UP_MESSAGES = 500;
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final double TARGET_P99_MS = 100;
    private static final int TARGET_RATE_PER_SECOND = 500;
    private static final String POST = """
            mutation($input: CreateRoomStoryInput!) { createRoomStory(input: $input) { storyId pending } }""";

    private final LatencyRecorder deliveries = new LatencyRecorder();
    private final AtomicInteger subscriptionErrors = new AtomicInteger();
    private final AtomicInteger sendErrors = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean measuring;

    @Test
    void messagesDeliveredToOneHundredSubscriptions() throws Exception {
        Path data = Path.of("target", "benchmark-data", "messaging-" + UUID.randomUUID()).toAbsolutePath();
        HttpClient webSockets = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<RoomEventSubscriber> subscribers = new ArrayList<>();
        // One user holds all the connections here, ten times the default limit per user: raised to the rooms' number.
        Map<String, String> environment = Map.of("LEDGER_MESSAGING_LIVE_MAX_CONNECTIONS_PER_USER", String.valueOf(ROOMS));
        try (ServiceProcess service = new ServiceProcess("messaging-benchmark", data, environment).maxHeap(HEAP).start()) {
            TimedGraphQlClient http = new TimedGraphQlClient(service.baseUrl());
            List<String> rooms = createRooms(http);
            for (String roomId : rooms) {
                subscribers.add(new RoomEventSubscriber(webSockets, service.port(), DemoUser.CAROL, roomId,
                        this::delivered, subscriptionErrors::incrementAndGet));
            }
            // Not counted: the subscriptions start, and the JIT compiles the path, on these.
            send(http, rooms, WARM_UP_MESSAGES, Math.min(RATE_PER_SECOND, 200), WARM_UP_LIMIT, "warm");
            Thread.sleep(2_000);
            measuring = true;
            sent.set(0);
            long started = System.nanoTime();
            send(http, rooms, RATE_PER_SECOND * SECONDS, RATE_PER_SECOND, Duration.ofSeconds(SECONDS), "m");
            long sendingNanos = System.nanoTime() - started;
            awaitDeliveries(sent.get());
            measuring = false;
            print(sendingNanos, deliveries.summarize(sendingNanos), sent.get());
            subscribers.forEach(RoomEventSubscriber::close);
        }
        assertThat(deliveries.count()).as("messages delivered to the subscribers").isPositive();
    }

    private void delivered(long latencyNanos) {
        if (measuring) {
            deliveries.record(latencyNanos, true);
        }
    }

    private static List<String> createRooms(TimedGraphQlClient http) {
        List<String> rooms = new ArrayList<>();
        for (int room = 1; room <= ROOMS; room++) {
            Reply created = http.post(DemoUser.ALICE, """
                    mutation($input: CreateRoomInput!) { createRoom(input: $input) { roomId } }""",
                    Map.of("input", Map.of("type", "GROUP", "topic", "Benchmark room " + room,
                            "idempotencyKey", "bench-room-" + room, "userIds", List.of("carol"))));
            assertThat(created.answered()).as("room %d: %s", room, created.body()).isTrue();
            rooms.add(created.data().path("createRoom").path("roomId").asString());
        }
        return rooms;
    }

    /**
     * Up to {@code count} messages round the rooms, paced at {@code ratePerSecond} over all senders, for at most
     * {@code limit}; a sender that falls behind sends at once, so the rate sent is what the service sustained.
     */
    private void send(TimedGraphQlClient http, List<String> rooms, int count, int ratePerSecond, Duration limit,
                      String prefix) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        AtomicLong nextIndex = new AtomicLong();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        for (int sender = 0; sender < SENDERS; sender++) {
            senders.execute(() -> {
                for (long index = nextIndex.getAndIncrement(); index < count && System.nanoTime() < end;
                     index = nextIndex.getAndIncrement()) {
                    long due = start + index * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    String roomId = rooms.get((int) (index % rooms.size()));
                    Reply reply = http.post(DemoUser.ALICE, POST, Map.of("input", Map.of("roomId", roomId,
                            "storyId", prefix + "-" + index, "text", RoomEventSubscriber.textSentAt(System.nanoTime()))));
                    if (reply.answered()) {
                        sent.incrementAndGet();
                    } else {
                        sendErrors.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }

    private void awaitDeliveries(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (deliveries.count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void print(long sendingNanos, LatencyRecorder.Summary delivered, int sentCount) {
        double sentPerSecond = sentCount / (sendingNanos / 1e9);
        boolean met = sentPerSecond >= TARGET_RATE_PER_SECOND * 0.95 && delivered.latencyMsP99() <= TARGET_P99_MS
                && delivered.count() >= sentCount;
        System.out.println(String.format(Locale.ROOT, """

                Messaging: %d rooms, %d open roomEvents subscriptions (one per room), %d keep-alive senders, \
                service at -Xmx%s, %d cores, load average %s
                  messages sent:      %d in %.1f s = %.1f messages/s (asked for %d/s)
                  deliveries:         %d = %.1f deliveries/s; missing after %d s: %d
                  delivery latency:   p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms
                  errors:             %d sends refused or failed, %d subscription errors
                  target (p99 <= %.0f ms at %d messages/s): %s""",
                ROOMS, ROOMS, SENDERS, HEAP, Runtime.getRuntime().availableProcessors(), loadAverage(),
                sentCount, sendingNanos / 1e9, sentPerSecond, RATE_PER_SECOND,
                delivered.count(), delivered.perSecond(), DRAIN.toSeconds(), Math.max(0, sentCount - delivered.count()),
                delivered.latencyMsP50(), delivered.latencyMsP90(), delivered.latencyMsP99(), delivered.latencyMsMax(),
                sendErrors.get(), subscriptionErrors.get(),
                TARGET_P99_MS, TARGET_RATE_PER_SECOND, met ? "met" : "not met"));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
