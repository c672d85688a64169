package io.freelance.ledger.standalone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The messaging GraphQL operations (rooms and their stories), as a test calls them. */
final class MessagingApi {

    static final String STORY_FIELDS = """
            id roomId sequence text edited editedAt removed removedAt removedBy postedAt author { id role }""";
    static final String ROOM_FIELDS = """
            id type topic contractId archived role numUnread lastReadSequence lastSequence latestActivityAt
            members { userId role readUpToSequence }
            latestStory { %s }""".formatted(STORY_FIELDS);

    private final LedgerApi api;

    MessagingApi(LedgerApi api) {
        this.api = api;
    }

    Response room(DemoUser user, String roomId) {
        return api.call(user, "query($id: ID!) { room(id: $id) { %s } }".formatted(ROOM_FIELDS), Map.of("id", roomId));
    }

    Response contractRoom(DemoUser user, String contractId) {
        return api.call(user, "query($id: ID!) { contractRoom(contractId: $id) { %s } }".formatted(ROOM_FIELDS),
                Map.of("id", contractId));
    }

    Response oneOnOneRoom(DemoUser user, String otherUserId) {
        return api.call(user, "query($id: ID!) { oneOnOneRoom(userId: $id) { %s } }".formatted(ROOM_FIELDS),
                Map.of("id", otherUserId));
    }

    Response roomList(DemoUser user, Map<String, Object> arguments) {
        return api.call(user, """
                query($first: Int, $after: String, $type: RoomType, $contractId: ID) {
                  roomList(first: $first, after: $after, type: $type, contractId: $contractId) {
                    edges { cursor node { %s } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""".formatted(ROOM_FIELDS), arguments);
    }

    Response stories(DemoUser user, String roomId, int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("roomId", roomId, "first", first));
        variables.put("after", after);
        return api.call(user, """
                query($roomId: ID!, $first: Int, $after: String) {
                  roomStories(roomId: $roomId, first: $first, after: $after) {
                    edges { cursor node { %s } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""".formatted(STORY_FIELDS), variables);
    }

    Response search(DemoUser user, String roomId, String text, int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("roomId", roomId, "text", text, "first", first));
        variables.put("after", after);
        return api.call(user, """
                query($roomId: ID!, $text: String!, $first: Int, $after: String) {
                  searchRoomStories(roomId: $roomId, text: $text, first: $first, after: $after) {
                    edges { cursor node { %s } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""".formatted(STORY_FIELDS), variables);
    }

    Response createGroup(DemoUser owner, String key, String topic, List<String> userIds) {
        return roomMutation(owner, "createRoom", "CreateRoomInput",
                Map.of("type", "GROUP", "idempotencyKey", key, "topic", topic, "userIds", userIds));
    }

    Response createOneOnOne(DemoUser user, List<String> userIds) {
        return roomMutation(user, "createRoom", "CreateRoomInput", Map.of("type", "ONE_ON_ONE", "userIds", userIds));
    }

    Response post(DemoUser author, String roomId, String storyId, String text) {
        return storyMutation(author, "createRoomStory", "CreateRoomStoryInput",
                Map.of("roomId", roomId, "storyId", storyId, "text", text));
    }

    /** A post naming uploaded files; the answer's story lists them with their download paths. */
    Response postWithFiles(DemoUser author, String roomId, String storyId, String text, List<String> attachmentIds) {
        return api.call(author, "mutation($input: CreateRoomStoryInput!) { createRoomStory(input: $input) { storyId pending "
                        + "story { sequence attachments { attachmentId fileName contentType sizeBytes sha256 downloadUrl } } } }",
                Map.of("input", Map.of("roomId", roomId, "storyId", storyId, "text", text, "attachmentIds", attachmentIds)));
    }

    Response edit(DemoUser author, String roomId, String storyId, String text) {
        return storyMutation(author, "updateRoomStory", "UpdateRoomStoryInput",
                Map.of("roomId", roomId, "storyId", storyId, "text", text));
    }

    Response remove(DemoUser user, String roomId, String storyId) {
        return storyMutation(user, "removeRoomStory", "RemoveRoomStoryInput", Map.of("roomId", roomId, "storyId", storyId));
    }

    Response addUser(DemoUser manager, String roomId, String userId) {
        return roomMutation(manager, "addUserToRoom", "AddUserToRoomInput", Map.of("roomId", roomId, "userId", userId));
    }

    Response removeUser(DemoUser manager, String roomId, String userId) {
        return roomMutation(manager, "removeUserFromRoom", "RemoveUserFromRoomInput",
                Map.of("roomId", roomId, "userId", userId));
    }

    Response changeTopic(DemoUser manager, String roomId, String topic) {
        return roomMutation(manager, "updateRoomTopic", "UpdateRoomTopicInput", Map.of("roomId", roomId, "topic", topic));
    }

    Response archive(DemoUser manager, String roomId) {
        return roomMutation(manager, "archiveRoom", "ArchiveRoomInput", Map.of("roomId", roomId));
    }

    Response markRead(DemoUser member, String roomId, int upToSequence) {
        return roomMutation(member, "markRoomRead", "MarkRoomReadInput",
                Map.of("roomId", roomId, "upToSequence", upToSequence));
    }

    private Response roomMutation(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return api.call(user, "mutation($input: %s!) { %s(input: $input) { roomId pending room { %s } } }"
                .formatted(inputType, mutation, ROOM_FIELDS), Map.of("input", input));
    }

    private Response storyMutation(DemoUser user, String mutation, String inputType, Map<String, Object> input) {
        return api.call(user, "mutation($input: %s!) { %s(input: $input) { roomId storyId pending story { %s } room { %s } } }"
                .formatted(inputType, mutation, STORY_FIELDS, ROOM_FIELDS), Map.of("input", input));
    }
}
