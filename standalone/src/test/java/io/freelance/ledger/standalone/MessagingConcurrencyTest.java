package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Members posting at the same moment, over HTTP, on the real event store: the room takes every message once,
 * numbers them without gaps, and a post sent twice at once (a frontend's retry racing its original) is one
 * message. Every answer is a success: a conflict between concurrent commands on the room is retried by the
 * service, never handed to the user as an internal error.
 */
class MessagingConcurrencyTest extends StandaloneTestBase {

    private static final int POSTS_PER_MEMBER = 10;
    private static final int SAME_POST_REPEATS = 16;

    private MessagingApi messaging;

    @BeforeEach
    void messagingApi() {
        messaging = new MessagingApi(api);
    }

    @Test
    void membersPostingAtOnceGetEveryMessageNumberedOnceWithoutGaps() throws Exception {
        String roomId = groupRoom();
        List<Callable<Response>> posts = new ArrayList<>();
        for (DemoUser member : List.of(ALICE, CAROL, DAVE)) {
            for (int number = 1; number <= POSTS_PER_MEMBER; number++) {
                String storyId = member.id() + "-at-once-" + number;
                posts.add(() -> messaging.post(member, roomId, storyId, "Message " + storyId));
            }
        }

        List<Response> answers = allAtOnce(posts);

        Set<Integer> sequences = new TreeSet<>();
        int carolsLast = 0;
        for (Response answer : answers) {
            JsonNode story = answer.dataAt("createRoomStory.story");
            sequences.add(story.path("sequence").asInt());
            if (story.path("author").path("id").asString().equals("carol")) {
                carolsLast = Math.max(carolsLast, story.path("sequence").asInt());
            }
        }
        assertThat(sequences).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, posts.size()).boxed().toList());
        assertThat(messaging.room(ALICE, roomId).dataAt("room.lastSequence").asInt()).isEqualTo(posts.size());
        // Posting reads the room up to one's own message: Carol has unread only what came after her last one.
        JsonNode carolsView = messaging.room(CAROL, roomId).dataAt("room");
        assertThat(carolsView.path("lastReadSequence").asInt()).isEqualTo(carolsLast);
        assertThat(carolsView.path("numUnread").asInt()).isEqualTo(posts.size() - carolsLast);
    }

    @Test
    void theSamePostSentManyTimesAtOnceIsOneMessage() throws Exception {
        String roomId = groupRoom();
        long before = storedEventCount();
        List<Callable<Response>> repeats = new ArrayList<>();
        for (int repeat = 0; repeat < SAME_POST_REPEATS; repeat++) {
            repeats.add(() -> messaging.post(CAROL, roomId, "retried-post", "Sent once, delivered once."));
        }

        List<Response> answers = allAtOnce(repeats);

        Set<Integer> sequences = new HashSet<>();
        answers.forEach(answer -> sequences.add(answer.dataAt("createRoomStory.story.sequence").asInt()));
        assertThat(sequences).containsExactly(1);
        assertThat(messaging.room(ALICE, roomId).dataAt("room.lastSequence").asInt()).isEqualTo(1);
        assertThat(storedEventCount() - before).as("events stored for the one message").isEqualTo(1);
    }

    @Test
    void bothUsersOpeningTheirOneOnOneRoomAtOnceGetTheSameRoom() throws Exception {
        List<Callable<Response>> opens = new ArrayList<>();
        for (int request = 0; request < SAME_POST_REPEATS; request++) {
            boolean fromBob = request % 2 == 0;
            opens.add(() -> messaging.createOneOnOne(fromBob ? BOB : CAROL, List.of(fromBob ? "carol" : "bob")));
        }

        List<Response> answers = allAtOnce(opens);

        Set<String> rooms = new HashSet<>();
        answers.forEach(answer -> rooms.add(answer.dataAt("createRoom.roomId").asString()));
        assertThat(rooms).hasSize(1);
        assertThat(messaging.oneOnOneRoom(CAROL, "bob").dataAt("oneOnOneRoom.id").asString()).isEqualTo(rooms.iterator().next());
    }

    private String groupRoom() {
        JsonNode created = messaging.createGroup(ALICE, unique("room"), "Launch plan", List.of("carol", "dave")).dataAt("createRoom");
        return created.path("room").path("id").asString();
    }

    /** Every call started together on its own thread; each answer must be a success. */
    private static List<Response> allAtOnce(List<Callable<Response>> calls) throws Exception {
        List<Response> answers = AllAtOnce.send(calls, 120);
        answers.forEach(Response::answered);
        return answers;
    }
}
