package io.freelance.ledger.standalone;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A message must never be lost or posted twice. Three members post into one group room from their own
 * threads while the service, its own JVM, is killed with SIGKILL twice at random moments (each right after
 * a message was acknowledged, with others in flight) and restarted on the same data. Afterwards: every
 * acknowledged message is in the room with its text and author; every message that got no answer, sent
 * again with the same story id, is there exactly once; the room numbers its messages 1, 2, 3… with no gap
 * and no repeat; no answer was an internal error and the service logged none; and a service rebuilt from
 * the event store alone shows the same room.
 * <p>
 * The random choices come from one seed, printed first; {@code -Dcrash.seed=...} repeats them.
 */
class MessagingCrashTest {

    private static final int KILLS = 2;
    private static final List<DemoUser> POSTERS = List.of(DemoUser.ALICE, DemoUser.CAROL, DemoUser.DAVE);
    private static final int MINIMUM_LOAD_MILLIS = 1_000;
    private static final int LOAD_MILLIS_RANGE = 2_500;
    private static final int MINIMUM_ACKNOWLEDGEMENTS = 5;
    private static final Duration LONGEST_LOAD = Duration.ofSeconds(30);
    private static final int PAGE = 100;
    private static final Duration LONGEST_RESTART = Duration.ofSeconds(90);

    private final Path dataDirectory = Path.of("target", "test-data", "messaging-crash-" + UUID.randomUUID()).toAbsolutePath();
    private final Violations violations = new Violations();
    /** Every post sent, in the order sent, with what the service answered; guarded by itself. */
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acknowledgements = new AtomicInteger();
    private volatile String baseUrl;
    /** Counts the service's starts, so a poster knows when the one that failed it has been replaced. */
    private final AtomicInteger starts = new AtomicInteger();

    private enum Outcome { ACKNOWLEDGED, UNANSWERED, REFUSED }

    private record Post(DemoUser author, String storyId, String text, Outcome outcome, String answer) {
    }

    @Test
    void acknowledgedMessagesSurviveSigkillAndRetriedOnesArePostedExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("%nMessagingCrashTest: seed %d (repeat with -Dcrash.seed=%d), data in %s%n", seed, seed, dataDirectory);
        Random random = new Random(seed);
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService posterThreads = Executors.newFixedThreadPool(POSTERS.size());
        try (ServiceProcess service = new ServiceProcess("messaging-crash", dataDirectory, Map.of())) {
            service.start();
            baseUrl = service.baseUrl();
            starts.incrementAndGet();
            String roomId = new MessagingApi(new LedgerApi(baseUrl))
                    .createGroup(DemoUser.ALICE, "crash-room-" + seed, "Launch plan", List.of("carol", "dave"))
                    .dataAt("createRoom.roomId").asString();
            for (DemoUser poster : POSTERS) {
                posterThreads.submit(() -> postUntilStopped(poster, roomId, posting));
            }
            for (int kill = 1; kill <= KILLS; kill++) {
                killAfterLoad(service, random, kill);
            }
            posting.set(false);
            posterThreads.shutdown();
            assertThat(posterThreads.awaitTermination(60, SECONDS)).as("posters stopped").isTrue();

            MessagingApi api = new MessagingApi(new LedgerApi(service.baseUrl()));
            checkAcknowledgedMessagesSurvived(api, roomId);
            retryUnansweredPosts(api, roomId);
            Map<Long, JsonNode> live = checkRoomHoldsEveryPostOnceInOrder(api, roomId);
            service.stop();
            violations.addAll("the service logged an error or a failed deadline", ServiceLogs.linesMatching(service.logFiles(), ServiceLogs.FAILURE));
            violations.addAll("the service logged a dead letter", ServiceLogs.linesMatching(service.logFiles(), ServiceLogs.DEAD_LETTER));
            violations.addAll("the service logged an unexpected failure (INTERNAL_ERROR)",
                    ServiceLogs.linesMatching(service.logFiles(), ServiceLogs.UNEXPECTED_FAILURE));
            checkFullReplayShowsTheSameRoom(roomId, live);
        } finally {
            posting.set(false);
            posterThreads.shutdownNow();
        }
        Map<Outcome, Long> tally = posts.stream().collect(java.util.stream.Collectors.groupingBy(Post::outcome,
                () -> new java.util.EnumMap<>(Outcome.class), java.util.stream.Collectors.counting()));
        System.out.println("Posts by outcome: " + tally + "; violations: " + violations.report());
        assertThat(tally.getOrDefault(Outcome.ACKNOWLEDGED, 0L)).as("acknowledged posts").isGreaterThanOrEqualTo(KILLS * MINIMUM_ACKNOWLEDGEMENTS);
        assertThat(violations.isEmpty()).as("Broken promises after %d SIGKILLs (seed %d):%s", KILLS, seed, violations.report()).isTrue();
    }

    /** One member's messages, one after the other, until stopped; one that goes unanswered waits for the restart. */
    private void postUntilStopped(DemoUser author, String roomId, AtomicBoolean posting) {
        int start = starts.get();
        MessagingApi api = new MessagingApi(new LedgerApi(baseUrl));
        for (int number = 1; posting.get(); number++) {
            if (start != starts.get()) {
                start = starts.get();
                api = new MessagingApi(new LedgerApi(baseUrl));
            }
            String storyId = author.id() + "-" + number;
            Post post = send(api, author, roomId, storyId, author.id() + " says: message " + number + " of the launch plan");
            posts.add(post);
            if (post.outcome() == Outcome.UNANSWERED) {
                awaitRestart(start, posting);
            }
        }
    }

    private void awaitRestart(int failedStart, AtomicBoolean posting) {
        long giveUpAt = System.nanoTime() + LONGEST_RESTART.toNanos();
        while (starts.get() == failedStart && posting.get() && System.nanoTime() < giveUpAt) {
            ServiceProcess.pause(Duration.ofMillis(50));
        }
    }

    private Post send(MessagingApi api, DemoUser author, String roomId, String storyId, String text) {
        Response response;
        try {
            response = api.post(author, roomId, storyId, text);
        } catch (IllegalStateException serviceDown) {
            return new Post(author, storyId, text, Outcome.UNANSWERED, serviceDown.getMessage());
        }
        JsonNode errors = response.errors();
        if (response.status() == 200 && (errors.isMissingNode() || errors.isEmpty())
                && !response.data().path("createRoomStory").isMissingNode()) {
            acknowledgements.incrementAndGet();
            return new Post(author, storyId, text, Outcome.ACKNOWLEDGED, "");
        }
        String classification = errors.path(0).path("extensions").path("classification").asString("");
        if (classification.equals("INTERNAL_ERROR") || response.status() >= 500) {
            violations.add("an answer was an internal error", storyId + ": HTTP " + response.status() + " " + response.body());
        }
        return new Post(author, storyId, text, Outcome.REFUSED, "HTTP " + response.status() + " " + response.body());
    }

    /** Load for a random while and at least a few acknowledgements, then SIGKILL right after the next one and restart. */
    private void killAfterLoad(ServiceProcess service, Random random, int kill) {
        int before = acknowledgements.get();
        ServiceProcess.pause(Duration.ofMillis(MINIMUM_LOAD_MILLIS + random.nextInt(LOAD_MILLIS_RANGE)));
        long giveUpAt = System.nanoTime() + LONGEST_LOAD.toNanos();
        while (acknowledgements.get() < before + MINIMUM_ACKNOWLEDGEMENTS && System.nanoTime() < giveUpAt) {
            ServiceProcess.pause(Duration.ofMillis(20));
        }
        int reached = acknowledgements.get();
        while (acknowledgements.get() == reached && System.nanoTime() < giveUpAt) {
            ServiceProcess.pause(Duration.ofMillis(1));
        }
        service.kill();
        System.out.printf("SIGKILL %d after %d acknowledgements in this phase%n", kill, acknowledgements.get() - before);
        service.start();
        baseUrl = service.baseUrl();
        starts.incrementAndGet();
    }

    /** Checked before any retry, so a retry cannot hide a lost message by posting it again. */
    private void checkAcknowledgedMessagesSurvived(MessagingApi api, String roomId) {
        List<String> missing = Waiting.until(Duration.ofSeconds(20), () -> {
            Map<String, JsonNode> shown = byStoryId(storiesOf(api, roomId).values());
            List<String> problems = new ArrayList<>();
            for (Post post : snapshot()) {
                if (post.outcome() == Outcome.ACKNOWLEDGED && !shows(shown.get(post.storyId()), post)) {
                    problems.add(post.storyId() + " shown as " + shown.get(post.storyId()));
                }
            }
            return problems;
        });
        violations.addAll("an acknowledged message is missing or changed after SIGKILL and restart", missing);
    }

    /** Every post that got no answer (or a refusal while the service was starting), sent again as it was. */
    private void retryUnansweredPosts(MessagingApi api, String roomId) {
        for (Post post : snapshot()) {
            if (post.outcome() == Outcome.ACKNOWLEDGED) {
                continue;
            }
            Response retried = api.post(post.author(), roomId, post.storyId(), post.text());
            if (retried.status() != 200 || (!retried.errors().isMissingNode() && !retried.errors().isEmpty())) {
                violations.add("a retried post was not accepted", post.storyId() + " (first: " + post.answer() + "): " + retried.body());
            }
        }
    }

    /** Sequences 1..lastSequence, each once; every post sent is there exactly once, nothing else is. */
    private Map<Long, JsonNode> checkRoomHoldsEveryPostOnceInOrder(MessagingApi api, String roomId) {
        Map<Long, JsonNode> bySequence = storiesOf(api, roomId);
        long lastSequence = api.room(DemoUser.ALICE, roomId).dataAt("room.lastSequence").asLong();
        List<Long> expectedSequences = java.util.stream.LongStream.rangeClosed(1, lastSequence).boxed().toList();
        if (!new ArrayList<>(bySequence.keySet()).equals(expectedSequences)) {
            violations.add("the room's messages are not numbered 1.." + lastSequence + " without gaps", bySequence.keySet().toString());
        }
        Map<String, List<Long>> sequencesById = new TreeMap<>();
        bySequence.forEach((sequence, story) ->
                sequencesById.computeIfAbsent(story.path("id").asString(), ignored -> new ArrayList<>()).add(sequence));
        sequencesById.forEach((storyId, sequences) -> {
            if (sequences.size() > 1) {
                violations.add("a message was posted more than once", storyId + " at " + sequences);
            }
        });
        Map<String, JsonNode> shown = byStoryId(bySequence.values());
        List<Post> sent = snapshot();
        for (Post post : sent) {
            if (!shows(shown.get(post.storyId()), post)) {
                violations.add("a message sent (and retried) is not in the room as sent", post.storyId() + ": " + shown.get(post.storyId()));
            }
        }
        long distinctSent = sent.stream().map(Post::storyId).distinct().count();
        if (shown.size() != distinctSent) {
            violations.add("the room holds other messages than those sent", shown.size() + " shown, " + distinctSent + " sent");
        }
        return bySequence;
    }

    /** A copy of the data without read models or tracking tokens rebuilds the room from the events alone. */
    private void checkFullReplayShowsTheSameRoom(String roomId, Map<Long, JsonNode> live) {
        Path replayDirectory = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-replay");
        new EventStoreFiles(dataDirectory).copyForFullReplay(replayDirectory);
        try (ServiceProcess replay = new ServiceProcess("messaging-crash-replay", replayDirectory, Map.of())) {
            replay.start();
            MessagingApi api = new MessagingApi(new LedgerApi(replay.baseUrl()));
            List<String> differences = Waiting.until(Duration.ofSeconds(120), () -> {
                Map<Long, JsonNode> replayed = storiesOf(api, roomId);
                return replayed.equals(live) ? List.of() : List.of(replayed.size() + " stories replayed, " + live.size() + " live");
            });
            violations.addAll("the room rebuilt from the event store differs from the live one", differences);
            replay.stop();
        }
    }

    /** All of the room's stories by sequence, as Alice reads them page by page (newest first). */
    private static Map<Long, JsonNode> storiesOf(MessagingApi api, String roomId) {
        Map<Long, JsonNode> bySequence = new TreeMap<>();
        String after = null;
        do {
            JsonNode page = api.stories(DemoUser.ALICE, roomId, PAGE, after).dataAt("roomStories");
            for (JsonNode edge : page.path("edges")) {
                JsonNode story = edge.path("node");
                // Read fields only: which edge cursor led to it is not the story.
                bySequence.put(story.path("sequence").asLong(), story);
            }
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);
        return bySequence;
    }

    private static Map<String, JsonNode> byStoryId(java.util.Collection<JsonNode> stories) {
        Map<String, JsonNode> byId = new TreeMap<>();
        stories.forEach(story -> byId.put(story.path("id").asString(), story));
        return byId;
    }

    private static boolean shows(JsonNode story, Post post) {
        return story != null && post.text().equals(story.path("text").asString())
                && post.author().id().equals(story.path("author").path("id").asString());
    }

    private List<Post> snapshot() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }
}
