package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.DemoUser.ALICE;
import static io.freelance.ledger.standalone.DemoUser.BOB;
import static io.freelance.ledger.standalone.DemoUser.CAROL;
import static io.freelance.ledger.standalone.DemoUser.DAVE;
import static io.freelance.ledger.standalone.DemoUser.ERIN;
import static io.freelance.ledger.standalone.DemoUser.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Messages through the real path: GraphQL over HTTP as the demo users, the Room aggregate in the H2 event store,
 * the room projection in the embedded read store. Each test uses rooms of its own (fresh contracts and
 * idempotency keys); the one-on-one rooms of the demo users are shared and created at most once anyway.
 */
class MessagingJourneyTest extends StandaloneTestBase {

    private MessagingApi messaging;

    @BeforeEach
    void messagingApi() {
        messaging = new MessagingApi(api);
    }

    @Test
    void aContractRoomOpensOnAcceptanceAndCarriesTheConversation() {
        String contractId = acceptedContract();
        JsonNode room = contractRoomOf(ALICE, contractId);
        assertThat(room.path("type").asString()).isEqualTo("CONTRACT");
        assertThat(room.path("role").asString()).isEqualTo("OWNER");
        assertThat(room.path("members").toString()).contains("\"userId\":\"alice\",\"role\":\"OWNER\"")
                .contains("\"userId\":\"carol\",\"role\":\"MEMBER\"");
        String roomId = room.path("id").asString();

        JsonNode first = messaging.post(ALICE, roomId, "hello-1", "Welcome aboard! The brief is attached.")
                .dataAt("createRoomStory");
        assertThat(first.path("pending").asBoolean()).isFalse();
        assertThat(first.path("story").path("sequence").asInt()).isEqualTo(1);
        messaging.post(CAROL, roomId, "hello-2", "Thanks, starting today.").answered();

        JsonNode aliceView = messaging.room(ALICE, roomId).dataAt("room");
        assertThat(aliceView.path("numUnread").asInt()).isEqualTo(1);
        assertThat(aliceView.path("latestStory").path("text").asString()).isEqualTo("Thanks, starting today.");
        assertThat(messaging.room(CAROL, roomId).dataAt("room.numUnread").asInt()).isZero();

        JsonNode read = messaging.markRead(ALICE, roomId, 2).dataAt("markRoomRead.room");
        assertThat(read.path("numUnread").asInt()).isZero();
        assertThat(read.path("lastReadSequence").asInt()).isEqualTo(2);

        JsonNode stories = messaging.stories(CAROL, roomId, 10, null).dataAt("roomStories.edges");
        assertThat(texts(stories)).containsExactly("Thanks, starting today.", "Welcome aboard! The brief is attached.");
        assertThat(stories.get(0).path("node").path("author").path("role").asString()).isEqualTo("FREELANCER");

        JsonNode listed = messaging.roomList(ALICE, Map.of("first", 5, "contractId", contractId))
                .dataAt("roomList.edges");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("node").path("id").asString()).isEqualTo(roomId);
    }

    @Test
    void aRepeatedPostRecordsNothingAndAReusedStoryIdIsRefused() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        messaging.post(CAROL, roomId, "once", "Only once, please.").answered();
        long before = storedEventCount();
        JsonNode again = messaging.post(CAROL, roomId, "once", "Only once, please.").dataAt("createRoomStory.story");
        assertThat(again.path("sequence").asInt()).isEqualTo(1);
        assertThat(storedEventCount()).isEqualTo(before);
        refused(() -> messaging.post(CAROL, roomId, "once", "Something else"), "CONFLICT", "storyId", "story.id-reused");
    }

    @Test
    void aOneOnOneRoomIsCreatedOnceWhoeverAsks() {
        JsonNode created = messaging.createOneOnOne(BOB, List.of("dave")).dataAt("createRoom.room");
        assertThat(created.path("type").asString()).isEqualTo("ONE_ON_ONE");
        long before = storedEventCount();
        JsonNode again = messaging.createOneOnOne(DAVE, List.of("bob")).dataAt("createRoom.room");
        assertThat(again.path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(storedEventCount()).isEqualTo(before);
        assertThat(messaging.oneOnOneRoom(DAVE, "bob").dataAt("oneOnOneRoom.id").asString())
                .isEqualTo(created.path("id").asString());

        refused(() -> messaging.createOneOnOne(BOB, List.of("dave", "carol")), "BAD_REQUEST", "userIds",
                "userIds.one-on-one-pair");
        refused(() -> messaging.addUser(BOB, created.path("id").asString(), "carol"), "CONFLICT", "roomId",
                "room.one-on-one-fixed");
    }

    @Test
    void theOwnerManagesAGroupRoomAndARemovedMemberSeesNothingMore() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        refused(() -> messaging.addUser(CAROL, roomId, "dave"), "FORBIDDEN", "roomId", "room.managers-only");
        JsonNode added = messaging.addUser(ALICE, roomId, "dave").dataAt("addUserToRoom.room");
        assertThat(added.path("members")).hasSize(3);
        messaging.post(DAVE, roomId, "dave-1", "Glad to join.").answered();

        messaging.changeTopic(ALICE, roomId, "Launch, week two").answered();
        assertThat(messaging.room(CAROL, roomId).dataAt("room.topic").asString()).isEqualTo("Launch, week two");

        messaging.removeUser(ALICE, roomId, "dave").answered();
        refused(() -> messaging.room(DAVE, roomId), "NOT_FOUND", "id", "room.not-found");
        refused(() -> messaging.post(DAVE, roomId, "dave-2", "Still here?"), "NOT_FOUND", "roomId", "room.not-found");
        assertThat(messaging.roomList(DAVE, Map.of("first", 100, "type", "GROUP")).dataAt("roomList.edges").toString())
                .doesNotContain(roomId);
        refused(() -> messaging.removeUser(CAROL, roomId, "alice"), "CONFLICT", "userId", "room.member-stays");

        assertThat(messaging.archive(ALICE, roomId).dataAt("archiveRoom.room.archived").asBoolean()).isTrue();
        refused(() -> messaging.post(CAROL, roomId, "late", "Anyone?"), "CONFLICT", "roomId", "room.archived");
        assertThat(texts(messaging.stories(CAROL, roomId, 10, null).dataAt("roomStories.edges")))
                .containsExactly("Glad to join.");
    }

    @Test
    void editsAndRemovalsShowInTheHistory() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        messaging.post(CAROL, roomId, "draft", "Draft is ready for reveiw.").answered();
        JsonNode edited = messaging.edit(CAROL, roomId, "draft", "Draft is ready for review.")
                .dataAt("updateRoomStory.story");
        assertThat(edited.path("edited").asBoolean()).isTrue();
        assertThat(edited.path("text").asString()).isEqualTo("Draft is ready for review.");
        refused(() -> messaging.edit(ALICE, roomId, "draft", "Mine now"), "FORBIDDEN", "storyId", "story.author-only");

        JsonNode removed = messaging.remove(ALICE, roomId, "draft").dataAt("removeRoomStory.story");
        assertThat(removed.path("removed").asBoolean()).isTrue();
        assertThat(removed.path("text").isNull()).isTrue();
        assertThat(removed.path("removedBy").asString()).isEqualTo("alice");
        refused(() -> messaging.edit(CAROL, roomId, "draft", "Back again"), "CONFLICT", "storyId", "story.removed");

        JsonNode history = messaging.stories(ALICE, roomId, 10, null).dataAt("roomStories.edges");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("node").path("sequence").asInt()).isEqualTo(1);
        assertThat(history.get(0).path("node").path("removed").asBoolean()).isTrue();
    }

    @Test
    void storiesPageNewestFirstAndSearchFindsTextCaseInsensitively() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        messaging.post(ALICE, roomId, "s1", "Please send the INVOICE for March.").answered();
        messaging.post(CAROL, roomId, "s2", "Sure, tomorrow.").answered();
        messaging.post(CAROL, roomId, "s3", "The invoice for March is sent.").answered();
        messaging.post(ALICE, roomId, "s4", "Got the invoice, thanks!").answered();
        messaging.remove(ALICE, roomId, "s4").answered();

        List<String> pages = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = messaging.stories(CAROL, roomId, 3, after).dataAt("roomStories");
            page.path("edges").forEach(edge -> pages.add(edge.path("node").path("id").asString()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);
        assertThat(pages).containsExactly("s4", "s3", "s2", "s1");

        JsonNode firstHit = messaging.search(CAROL, roomId, "invoice", 1, null).dataAt("searchRoomStories");
        assertThat(ids(firstHit.path("edges"))).containsExactly("s3");
        assertThat(firstHit.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode secondHit = messaging.search(CAROL, roomId, "invoice", 1,
                firstHit.path("pageInfo").path("endCursor").asString()).dataAt("searchRoomStories");
        assertThat(ids(secondHit.path("edges"))).containsExactly("s1");
        assertThat(secondHit.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        assertThat(ids(messaging.search(CAROL, roomId, "march, INVOICE!", 10, null).dataAt("searchRoomStories.edges")))
                .as("every word, any case, punctuation ignored").containsExactly("s3", "s1");
        assertThat(ids(messaging.search(CAROL, roomId, "invoice april", 10, null).dataAt("searchRoomStories.edges")))
                .as("a word no story holds").isEmpty();
        assertThat(ids(messaging.search(CAROL, roomId, "invo", 10, null).dataAt("searchRoomStories.edges")))
                .as("whole words only").isEmpty();
    }

    @Test
    void searchFollowsEditsAtOnce() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        messaging.post(CAROL, roomId, "e1", "The sketches are attached.").answered();
        messaging.edit(CAROL, roomId, "e1", "The wireframes are attached.").answered();

        assertThat(ids(messaging.search(ALICE, roomId, "sketches", 10, null).dataAt("searchRoomStories.edges"))).isEmpty();
        assertThat(ids(messaging.search(ALICE, roomId, "Wireframes", 10, null).dataAt("searchRoomStories.edges")))
                .containsExactly("e1");
    }

    @Test
    void onlyMembersReadOrPost() {
        String contractId = acceptedContract();
        String roomId = contractRoomOf(CAROL, contractId).path("id").asString();
        for (DemoUser outsider : List.of(BOB, DAVE, ERIN, FRANK)) {
            refused(() -> messaging.contractRoom(outsider, contractId), "NOT_FOUND", "contractId", "room.not-found");
            refused(() -> messaging.room(outsider, roomId), "NOT_FOUND", "id", "room.not-found");
            refused(() -> messaging.stories(outsider, roomId, 10, null), "NOT_FOUND", "roomId", "room.not-found");
            refused(() -> messaging.post(outsider, roomId, "intrude", "Hi"), "NOT_FOUND", "roomId", "room.not-found");
        }
        refused(() -> messaging.createGroup(ERIN, unique("key"), "Finance chat", List.of("alice")), "FORBIDDEN", "type",
                "room.marketplace-users-only");
    }

    @Test
    void badInputIsRefusedWithNothingRecorded() {
        String roomId = groupRoom(ALICE, List.of("carol"));
        refused(() -> messaging.post(CAROL, roomId, "empty", "   "), "BAD_REQUEST", "text", "text.required");
        refused(() -> messaging.post(CAROL, roomId, "long", "x".repeat(5_001)), "BAD_REQUEST", "text", "text.too-long");
        refused(() -> messaging.post(CAROL, roomId, "bell", "ring \u0007"), "BAD_REQUEST", "text", "text.control-characters");
        refused(() -> messaging.post(CAROL, roomId, "rtl", "invoice\u202Efdp.exe"), "BAD_REQUEST", "text",
                "text.control-characters");
        refused(() -> messaging.post(CAROL, roomId, "bad id", "Hello"), "BAD_REQUEST", "storyId", "storyId.format");
        refused(() -> messaging.post(CAROL, "group-room-does-not-exist", "s1", "Hello"), "NOT_FOUND", "roomId",
                "room.not-found");
        refused(() -> messaging.markRead(CAROL, roomId, 1), "BAD_REQUEST", "upToSequence", "upToSequence.range");
        refused(() -> messaging.createGroup(ALICE, unique("key"), "Who?", List.of("nobody-here")), "BAD_REQUEST",
                "userIds[0]", "userIds.unknown");
        refused(() -> messaging.createGroup(ALICE, unique("key"), "Finance too", List.of("erin")), "BAD_REQUEST",
                "userIds[0]", "userIds.not-a-marketplace-user");
        refused(() -> messaging.createGroup(ALICE, unique("key"), " ", List.of("carol")), "BAD_REQUEST", "topic",
                "topic.required");
    }

    private String acceptedContract() {
        String contractId = api.offerFixedPrice(ALICE, unique("room-offer"), "carol", "USD",
                        List.of(LedgerApi.milestone("Design", "100.00", "USD")))
                .dataAt("offerFixedPriceContract.contractId").asString();
        api.accept(CAROL, contractId).answered();
        return contractId;
    }

    /** The acceptance opened the room and its answer waited for it: readable at once. */
    private JsonNode contractRoomOf(DemoUser party, String contractId) {
        return messaging.contractRoom(party, contractId).dataAt("contractRoom");
    }

    private String groupRoom(DemoUser owner, List<String> members) {
        JsonNode created = messaging.createGroup(owner, unique("room"), "Launch plan", members).dataAt("createRoom");
        assertThat(created.path("pending").asBoolean()).isFalse();
        return created.path("room").path("id").asString();
    }

    private static List<String> texts(JsonNode edges) {
        List<String> texts = new ArrayList<>();
        edges.forEach(edge -> texts.add(edge.path("node").path("text").asString(null)));
        return texts;
    }

    private static List<String> ids(JsonNode edges) {
        List<String> ids = new ArrayList<>();
        edges.forEach(edge -> ids.add(edge.path("node").path("id").asString()));
        return ids;
    }
}
