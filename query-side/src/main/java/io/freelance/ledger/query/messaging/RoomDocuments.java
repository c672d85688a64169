package io.freelance.ledger.query.messaging;

import static io.freelance.ledger.query.readstore.BsonTimes.instant;
import static io.freelance.ledger.query.readstore.BsonTimes.toDate;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.messaging.StoryAttachment;
import java.util.List;
import org.bson.Document;

/**
 * How the messaging collections lay out rooms and stories: times as BSON dates, enums by name, members and the
 * latest story embedded in the room. A story's {@code _id} is its room's id and its sequence
 * ({@link #storyDocumentId}), so a page of a room's stories is a list of ids computed from sequence numbers and
 * read by {@code _id} alone, never a scan of other rooms' stories.
 */
final class RoomDocuments {

    static final String VERSION = "version";

    private RoomDocuments() {
    }

    static String storyDocumentId(String roomId, long sequence) {
        return roomId + "#" + sequence;
    }

    static Document toDocument(RoomView room, long version) {
        return new Document("_id", room.id())
                .append("type", room.type().name())
                .append("contractId", room.contractId())
                .append("topic", room.topic())
                .append("archived", room.archived())
                .append("members", room.members().stream().map(RoomDocuments::memberToDocument).toList())
                .append("lastSequence", room.lastSequence())
                .append("latestStory", room.latestStory() == null ? null : storyToDocument(room.latestStory()))
                .append("openedAt", toDate(room.openedAt()))
                .append("latestActivityAt", toDate(room.latestActivityAt()))
                .append(VERSION, version);
    }

    static RoomView toView(Document document) {
        Document latest = document.get("latestStory", Document.class);
        return new RoomView(
                document.getString("_id"),
                RoomType.valueOf(document.getString("type")),
                document.getString("contractId"),
                document.getString("topic"),
                document.getBoolean("archived", false),
                document.getList("members", Document.class).stream().map(RoomDocuments::memberFromDocument).toList(),
                ((Number) document.get("lastSequence")).longValue(),
                latest == null ? null : storyFromDocument(latest),
                instant(document, "openedAt"),
                instant(document, "latestActivityAt"));
    }

    static long versionOf(Document document) {
        return ((Number) document.get(VERSION)).longValue();
    }

    static Document storyToDocument(RoomStoryView story) {
        return new Document("_id", storyDocumentId(story.roomId(), story.sequence()))
                .append("roomId", story.roomId())
                .append("storyId", story.id())
                .append("sequence", story.sequence())
                .append("authorId", story.authorId())
                .append("authorRole", story.authorRole().name())
                .append("text", story.text())
                .append("attachments", story.attachments().stream().map(RoomDocuments::attachmentToDocument).toList())
                .append("postedAt", toDate(story.postedAt()))
                .append("editedAt", toDate(story.editedAt()))
                .append("removedAt", toDate(story.removedAt()))
                .append("removedBy", story.removedBy());
    }

    static RoomStoryView storyFromDocument(Document document) {
        return new RoomStoryView(
                document.getString("roomId"),
                document.getString("storyId"),
                ((Number) document.get("sequence")).longValue(),
                document.getString("authorId"),
                Role.valueOf(document.getString("authorRole")),
                document.getString("text"),
                document.getList("attachments", Document.class).stream().map(RoomDocuments::attachmentFromDocument)
                        .toList(),
                instant(document, "postedAt"),
                instant(document, "editedAt"),
                instant(document, "removedAt"),
                document.getString("removedBy"));
    }

    private static Document memberToDocument(RoomMemberView member) {
        return new Document("userId", member.userId())
                .append("role", member.role().name())
                .append("readUpToSequence", member.readUpToSequence());
    }

    private static RoomMemberView memberFromDocument(Document document) {
        return new RoomMemberView(document.getString("userId"), RoomRole.valueOf(document.getString("role")),
                ((Number) document.get("readUpToSequence")).longValue());
    }

    private static Document attachmentToDocument(StoryAttachment attachment) {
        return new Document("attachmentId", attachment.attachmentId())
                .append("fileName", attachment.fileName())
                .append("contentType", attachment.contentType())
                .append("sizeBytes", attachment.sizeBytes())
                .append("sha256", attachment.sha256());
    }

    private static StoryAttachment attachmentFromDocument(Document document) {
        return new StoryAttachment(document.getString("attachmentId"), document.getString("fileName"),
                document.getString("contentType"), ((Number) document.get("sizeBytes")).longValue(),
                document.getString("sha256"));
    }

    static List<String> storyDocumentIds(String roomId, long fromSequence, long downToSequence) {
        List<String> ids = new java.util.ArrayList<>();
        for (long sequence = fromSequence; sequence >= downToSequence; sequence--) {
            ids.add(storyDocumentId(roomId, sequence));
        }
        return ids;
    }
}
