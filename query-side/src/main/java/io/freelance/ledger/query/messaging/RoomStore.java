package io.freelance.ledger.query.messaging;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.freelance.ledger.query.readstore.AppliedVersions;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The messaging collections, written by the room projection only, every one by {@code _id}:
 * {@code rooms} (one per room, with the version of the last event applied), {@code room_stories} (one per
 * message, {@code <roomId>#<sequence>}), {@code room_story_ids} (a story's client-chosen id to its sequence) and
 * {@link RoomMemberLists} (the rooms each user joined). The room document is written last, under the event's version:
 * after a crash between writes the event is applied again, and every earlier write is a replace or a set
 * operation that a repeat leaves as it was.
 */
@Component
public class RoomStore {

    static final String ROOMS = "rooms";
    static final String STORIES = "room_stories";
    static final String STORY_IDS = "room_story_ids";
    /** Each user's room ids in one document, before {@link RoomMemberLists}: emptied with the rest when rooms are rebuilt. */
    static final String LEGACY_MEMBERSHIPS = "room_memberships";
    /** The versions mutations wait for: the Room aggregate's, by room id. */
    static final String AGGREGATE_TYPE = "Room";

    private final MongoCollection<Document> rooms;
    private final MongoCollection<Document> stories;
    private final MongoCollection<Document> storyIds;
    private final MongoCollection<Document> legacyMemberships;
    private final RoomMemberLists memberLists;
    private final AppliedVersions appliedVersions;

    public RoomStore(MongoDatabase readModelDatabase, RoomMemberLists memberLists, AppliedVersions appliedVersions) {
        this.rooms = readModelDatabase.getCollection(ROOMS);
        this.stories = readModelDatabase.getCollection(STORIES);
        this.storyIds = readModelDatabase.getCollection(STORY_IDS);
        this.legacyMemberships = readModelDatabase.getCollection(LEGACY_MEMBERSHIPS);
        this.memberLists = memberLists;
        this.appliedVersions = appliedVersions;
    }

    Optional<Versioned<RoomView>> find(String roomId) {
        return Optional.ofNullable(rooms.find(eq("_id", roomId)).first())
                .map(document -> new Versioned<>(RoomDocuments.versionOf(document), RoomDocuments.toView(document)));
    }

    Optional<RoomStoryView> story(String roomId, long sequence) {
        return Optional.ofNullable(stories.find(eq("_id", RoomDocuments.storyDocumentId(roomId, sequence))).first())
                .map(RoomDocuments::storyFromDocument);
    }

    void writeStory(RoomStoryView story) {
        stories.replaceOne(eq("_id", RoomDocuments.storyDocumentId(story.roomId(), story.sequence())),
                RoomDocuments.storyToDocument(story), new ReplaceOptions().upsert(true));
        storyIds.replaceOne(eq("_id", storyAlias(story.roomId(), story.id())),
                new Document("_id", storyAlias(story.roomId(), story.id())).append("sequence", story.sequence()),
                new ReplaceOptions().upsert(true));
    }

    void joined(String userId, String roomId) {
        memberLists.joined(userId, roomId);
    }

    void write(long sequenceNumber, RoomView room) {
        rooms.replaceOne(eq("_id", room.id()), RoomDocuments.toDocument(room, sequenceNumber),
                new ReplaceOptions().upsert(true));
        // Delivered once the processor's unit of work has committed, so a woken reader sees the write.
        appliedVersions.applied(AGGREGATE_TYPE, room.id(), sequenceNumber);
    }

    void deleteAll() {
        rooms.deleteMany(new Document());
        stories.deleteMany(new Document());
        storyIds.deleteMany(new Document());
        memberLists.deleteAll();
        legacyMemberships.deleteMany(new Document());
    }

    static String storyAlias(String roomId, String storyId) {
        return roomId + "/" + storyId;
    }
}
