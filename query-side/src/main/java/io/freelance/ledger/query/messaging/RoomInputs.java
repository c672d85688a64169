package io.freelance.ledger.query.messaging;

import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomType;
import java.util.List;

/** The input objects of the messaging mutations, as the schema declares them. */
public final class RoomInputs {

    private RoomInputs() {
    }

    public record CreateRoomInput(RoomType type, String topic, List<String> userIds, String idempotencyKey) {
    }

    public record CreateRoomStoryInput(String roomId, String storyId, String text, List<String> attachmentIds) {
    }

    public record UpdateRoomStoryInput(String roomId, String storyId, String text) {
    }

    public record RemoveRoomStoryInput(String roomId, String storyId) {
    }

    public record AddUserToRoomInput(String roomId, String userId, RoomRole role) {
    }

    public record RemoveUserFromRoomInput(String roomId, String userId) {
    }

    public record UpdateRoomTopicInput(String roomId, String topic) {
    }

    public record ArchiveRoomInput(String roomId) {
    }

    public record MarkRoomReadInput(String roomId, Integer upToSequence) {
    }
}
