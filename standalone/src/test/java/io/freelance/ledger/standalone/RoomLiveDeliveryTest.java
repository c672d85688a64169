package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.LiveUpdatesTest.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code roomEvents} over a real WebSocket (graphql-ws): a member receives what others do over HTTP, story by
 * story and read position by read position; a removed member receives nothing more; a non-member is refused; a
 * burst arrives whole and in order.
 */
class RoomLiveDeliveryTest extends StandaloneTestBase {

    static final String ROOM_EVENTS = """
            subscription($roomId: ID) {
              roomEvents(roomId: $roomId) {
                kind roomId version userId readUpToSequence role occurredAt
                story { id sequence text edited removed author { id role } }
              }
            }""";
    /** Long enough for a delivery that should not happen to have happened: deliveries take milliseconds. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private MessagingApi messaging;

    @BeforeEach
    void messagingApi() {
        messaging = new MessagingApi(api);
    }

    @Test
    void aMemberReceivesAMessageItsEditItsRemovalAndAReadPositionAsTheyHappen() {
        String roomId = groupRoom();
        try (GraphQlWsClient carol = GraphQlWsClient.open(port).signIn(CAROL)) {
            carol.subscribe("room", ROOM_EVENTS, Map.of("roomId", roomId));
            awaitSubscribed(carol, "room", roomId);

            int sequence = messaging.post(ALICE, roomId, "brief", "The brief is in the shared folder.")
                    .dataAt("createRoomStory.story.sequence").asInt();
            JsonNode created = eventIn(carol.nextMessageOf("room"));
            assertThat(created.path("kind").asString()).isEqualTo("STORY_CREATED");
            assertThat(created.path("roomId").asString()).isEqualTo(roomId);
            assertThat(created.path("story").path("id").asString()).isEqualTo("brief");
            assertThat(created.path("story").path("sequence").asInt()).isEqualTo(sequence);
            assertThat(created.path("story").path("text").asString()).isEqualTo("The brief is in the shared folder.");
            assertThat(created.path("story").path("author").path("id").asString()).isEqualTo("alice");
            assertThat(created.path("story").path("author").path("role").asString()).isEqualTo("CLIENT");

            messaging.edit(ALICE, roomId, "brief", "The brief is in the project folder.").answered();
            JsonNode updated = eventIn(carol.nextMessageOf("room"));
            assertThat(updated.path("kind").asString()).isEqualTo("STORY_UPDATED");
            assertThat(updated.path("story").path("text").asString()).isEqualTo("The brief is in the project folder.");
            assertThat(updated.path("story").path("edited").asBoolean()).isTrue();

            messaging.remove(ALICE, roomId, "brief").answered();
            JsonNode removed = eventIn(carol.nextMessageOf("room"));
            assertThat(removed.path("kind").asString()).isEqualTo("STORY_REMOVED");
            assertThat(removed.path("story").path("removed").asBoolean()).isTrue();
            assertThat(removed.path("story").path("text").isNull()).as("a removed story shows no text").isTrue();

            messaging.markRead(DAVE, roomId, sequence).answered();
            JsonNode read = eventIn(carol.nextMessageOf("room"));
            assertThat(read.path("kind").asString()).isEqualTo("READ_POSITION_CHANGED");
            assertThat(read.path("userId").asString()).isEqualTo("dave");
            assertThat(read.path("readUpToSequence").asInt()).isEqualTo(sequence);
            assertThat(read.path("version").asLong()).isGreaterThan(removed.path("version").asLong());
        }
    }

    @Test
    void aMemberRemovedFromAGroupRoomIsToldSoThenReceivesNothingMore() {
        String roomId = groupRoom();
        try (GraphQlWsClient carol = GraphQlWsClient.open(port).signIn(CAROL)) {
            carol.subscribe("room", ROOM_EVENTS, Map.of("roomId", roomId));
            awaitSubscribed(carol, "room", roomId);

            messaging.removeUser(ALICE, roomId, "carol").answered();
            JsonNode removal = eventIn(carol.nextMessageOf("room"));
            assertThat(removal.path("kind").asString()).isEqualTo("MEMBER_REMOVED");
            assertThat(removal.path("userId").asString()).isEqualTo("carol");
            JsonNode end = carol.nextMessageOf("room");
            assertThat(end.path("type").asString()).as("the one-room stream ends with an error").isEqualTo("error");
            assertThat(errorsOf(end).get(0).path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
            assertThat(errorsOf(end).get(0).path("extensions").path("rule").asString()).isEqualTo("room.not-found");

            messaging.post(ALICE, roomId, "after", "Carol has left the project.").answered();
            assertThat(carol.staysQuietFor(QUIET)).as("nothing posted after the removal reaches carol").isTrue();
        }
    }

    @Test
    void aSubscriberToEveryRoomStopsHearingARoomTheyWereRemovedFromAndKeepsHearingTheOthers() {
        String leftRoom = groupRoom();
        String keptRoom = groupRoom();
        try (GraphQlWsClient dave = GraphQlWsClient.open(port).signIn(DAVE)) {
            dave.subscribe("rooms", ROOM_EVENTS, new HashMap<>());
            awaitSubscribed(dave, "rooms", keptRoom);

            messaging.removeUser(ALICE, leftRoom, "dave").answered();
            assertThat(eventIn(dave.nextMessageOf("rooms")).path("kind").asString()).isEqualTo("MEMBER_REMOVED");
            messaging.post(ALICE, leftRoom, "secret", "Only for those still here.").answered();
            assertThat(dave.staysQuietFor(QUIET)).as("nothing of the room dave left").isTrue();

            messaging.post(ALICE, keptRoom, "still", "Dave, this one is for you.").answered();
            JsonNode kept = eventIn(dave.nextMessageOf("rooms"));
            assertThat(kept.path("roomId").asString()).isEqualTo(keptRoom);
            assertThat(kept.path("story").path("text").asString()).isEqualTo("Dave, this one is for you.");
        }
    }

    @Test
    void aNonMemberIsRefusedTheSubscriptionWithTheQueriesNotFound() {
        String roomId = groupRoom();
        try (GraphQlWsClient bob = GraphQlWsClient.open(port).signIn(BOB)) {
            bob.subscribe("room", ROOM_EVENTS, Map.of("roomId", roomId));

            JsonNode refusal = bob.nextMessageOf("room");
            assertThat(refusal.path("type").asString()).isEqualTo("error");
            JsonNode error = errorsOf(refusal).get(0);
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("NOT_FOUND");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo("roomId");
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo("room.not-found");

            messaging.post(ALICE, roomId, "private", "Not for bob.").answered();
            assertThat(bob.staysQuietFor(QUIET)).isTrue();
        }
    }

    @Test
    void aBurstOfTwentyMessagesArrivesWholeAndInOrder() {
        String roomId = groupRoom();
        ExecutorService senders = Executors.newFixedThreadPool(10);
        try (GraphQlWsClient carol = GraphQlWsClient.open(port).signIn(CAROL)) {
            carol.subscribe("room", ROOM_EVENTS, Map.of("roomId", roomId));
            awaitSubscribed(carol, "room", roomId);

            List<CompletableFuture<Void>> posts = IntStream.rangeClosed(1, 20)
                    .mapToObj(n -> CompletableFuture.runAsync(
                            () -> messaging.post(n % 2 == 0 ? ALICE : DAVE, roomId, "burst-" + n, "Message " + n).answered(),
                            senders))
                    .toList();
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();

            List<Integer> sequences = new ArrayList<>();
            List<String> storyIds = new ArrayList<>();
            while (sequences.size() < 20) {
                JsonNode event = eventIn(carol.nextMessageOf("room"));
                assertThat(event.path("kind").asString()).isEqualTo("STORY_CREATED");
                sequences.add(event.path("story").path("sequence").asInt());
                storyIds.add(event.path("story").path("id").asString());
            }
            int first = sequences.get(0);
            assertThat(sequences).containsExactlyElementsOf(IntStream.range(first, first + 20).boxed().toList());
            assertThat(storyIds).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).mapToObj(n -> "burst-" + n).toList());
        } finally {
            senders.shutdownNow();
        }
    }

    /** A group room of alice's with carol and dave. */
    private String groupRoom() {
        return messaging.createGroup(ALICE, unique("live"), "Launch", List.of("carol", "dave"))
                .dataAt("createRoom.room.id").asString();
    }

    /**
     * A subscription is running once it delivers: graphql-ws acknowledges no {@code subscribe}, and a room event
     * carries only what happens after the subscription starts. So alice posts probes until one arrives, then the
     * events of the last probe are drained: everything the test does afterwards is seen.
     */
    private String awaitSubscribed(GraphQlWsClient client, String subscriptionId, String roomId) {
        String lastProbe = null;
        for (int attempt = 1; attempt <= 20; attempt++) {
            lastProbe = unique("probe");
            messaging.post(ALICE, roomId, lastProbe, "Are you there?").answered();
            JsonNode arrived = client.nextMessageOfWithin(subscriptionId, Duration.ofMillis(500));
            if (arrived != null) {
                JsonNode event = eventIn(arrived);
                while (!lastProbe.equals(event.path("story").path("id").asString())) {
                    event = eventIn(client.nextMessageOf(subscriptionId));
                }
                return lastProbe;
            }
        }
        throw new AssertionError("The subscription delivered none of 20 probes in room " + roomId);
    }

    /** The event of a {@code next} message. */
    static JsonNode eventIn(JsonNode message) {
        assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
        assertThat(message.path("payload").path("errors").isMissingNode()).as("errors in %s", message).isTrue();
        return message.path("payload").path("data").path("roomEvents");
    }
}
