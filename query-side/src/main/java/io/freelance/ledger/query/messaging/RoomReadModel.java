package io.freelance.ledger.query.messaging;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.freelance.ledger.query.messaging.search.StorySearchIndex;
import io.freelance.ledger.query.messaging.search.StoryWords;
import io.freelance.ledger.query.readstore.BsonTimes;
import io.freelance.ledger.query.readstore.IdChunks;
import io.freelance.ledger.query.readstore.IdLists;
import io.freelance.ledger.query.readstore.VersionedReadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads rooms and stories by {@code _id} alone: a filter on anything else would be a collection scan on the
 * embedded read store. A user's room list is the rooms they joined ({@link RoomMemberLists}) read by id, those they
 * are still a member of sorted in memory by latest activity; a room's stories are read newest first by ids
 * computed from sequence numbers.
 */
@Component
public class RoomReadModel implements VersionedReadModel {

    private static final int READ_CHUNK = IdLists.BUCKET_SIZE;

    static final Comparator<RoomView> BY_LATEST_ACTIVITY = Comparator.comparing(RoomView::latestActivityAt)
            .reversed().thenComparing(RoomView::id);

    private final MongoCollection<Document> rooms;
    private final MongoCollection<Document> stories;
    private final MongoCollection<Document> storyIds;
    private final RoomMemberLists memberLists;
    private final StorySearchIndex searchIndex;

    public RoomReadModel(MongoDatabase readModelDatabase, RoomMemberLists memberLists, StorySearchIndex searchIndex) {
        this.searchIndex = searchIndex;
        this.rooms = readModelDatabase.getCollection(RoomStore.ROOMS);
        this.stories = readModelDatabase.getCollection(RoomStore.STORIES);
        this.storyIds = readModelDatabase.getCollection(RoomStore.STORY_IDS);
        this.memberLists = memberLists;
    }

    public Optional<RoomView> findById(String roomId) {
        return Optional.ofNullable(rooms.find(eq("_id", roomId)).first()).map(RoomDocuments::toView);
    }

    Optional<RoomStoryView> story(String roomId, String storyId) {
        Document alias = storyIds.find(eq("_id", RoomStore.storyAlias(roomId, storyId))).first();
        if (alias == null) {
            return Optional.empty();
        }
        long sequence = ((Number) alias.get("sequence")).longValue();
        return Optional.ofNullable(stories.find(eq("_id", RoomDocuments.storyDocumentId(roomId, sequence))).first())
                .map(RoomDocuments::storyFromDocument);
    }

    /** Every room the user is a member of, latest activity first. */
    List<RoomView> roomsOf(String userId) {
        List<RoomView> found = new ArrayList<>();
        forEachRoomJoinedBy(userId, document -> found.add(RoomDocuments.toView(document)));
        // The list keeps rooms the user has left; the room's own members decide.
        return found.stream().filter(room -> room.hasMember(userId)).sorted(BY_LATEST_ACTIVITY).toList();
    }

    /**
     * Up to {@code limit} rooms with activity since the instant: the rooms where an unread message can still be
     * owed an email. A real MongoDB answers from the index on {@code latestActivityAt}; the embedded store scans.
     */
    public List<RoomView> activeSince(Instant since, int limit) {
        List<RoomView> found = new ArrayList<>();
        rooms.find(gte("latestActivityAt", BsonTimes.toDate(since))).limit(limit)
                .forEach(document -> found.add(RoomDocuments.toView(document)));
        return found;
    }

    /** The stories numbered {@code fromSequence} to {@code toSequence}, oldest first. */
    public List<RoomStoryView> storiesBetween(String roomId, long fromSequence, long toSequence) {
        List<RoomStoryView> newestFirst = new ArrayList<>(storiesNewestFirst(roomId, toSequence, (int) (toSequence - fromSequence + 1)));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * The version of each room the user is a member of, as its document stands: where a live subscription starts
     * counting, so it delivers only the events after what the member could already read.
     */
    Map<String, Long> memberRoomVersions(String userId) {
        Map<String, Long> versions = new HashMap<>();
        forEachRoomJoinedBy(userId, document -> {
            if (RoomDocuments.toView(document).hasMember(userId)) {
                versions.put(document.getString("_id"), RoomDocuments.versionOf(document));
            }
        });
        return versions;
    }

    /** A bucket's worth of rooms per query ({@link IdChunks} says why). */
    private void forEachRoomJoinedBy(String userId, Consumer<Document> action) {
        for (List<String> chunk : IdChunks.of(memberLists.roomIdsJoinedBy(userId), READ_CHUNK)) {
            rooms.find(in("_id", chunk)).forEach(action);
        }
    }

    /** The room's version when the user is among its members, from one read of its document. */
    Optional<Long> memberRoomVersion(String userId, String roomId) {
        return Optional.ofNullable(rooms.find(eq("_id", roomId)).first())
                .filter(document -> RoomDocuments.toView(document).hasMember(userId))
                .map(RoomDocuments::versionOf);
    }

    /** Up to {@code limit} stories, newest first, from sequence {@code fromSequence} down. */
    List<RoomStoryView> storiesNewestFirst(String roomId, long fromSequence, int limit) {
        if (fromSequence < 1 || limit < 1) {
            return List.of();
        }
        long downTo = Math.max(1, fromSequence - limit + 1);
        return byIds(RoomDocuments.storyDocumentIds(roomId, fromSequence, downTo));
    }

    /**
     * Up to {@code limit} stories holding every word of the text, newest first, from sequence {@code fromSequence}
     * down, found in the room's text index. A story is checked against its stored text too: the index and the
     * stories are written by one projection, index first, so a story the index is ahead of is left out.
     */
    List<RoomStoryView> search(String roomId, String text, long fromSequence, int limit) {
        Set<String> words = StoryWords.searchedIn(text);
        List<Long> sequences = searchIndex.newestHoldingAll(roomId, words, fromSequence, limit);
        return byIds(sequences.stream().map(sequence -> RoomDocuments.storyDocumentId(roomId, sequence)).toList())
                .stream().filter(story -> story.holdsAllWords(words)).toList();
    }

    @Override
    public String aggregateType() {
        return RoomStore.AGGREGATE_TYPE;
    }

    @Override
    public long appliedVersion(String roomId) {
        Document stored = rooms.find(eq("_id", roomId)).projection(Projections.include(RoomDocuments.VERSION)).first();
        return stored == null ? -1 : RoomDocuments.versionOf(stored);
    }

    private List<RoomStoryView> byIds(List<String> ids) {
        Map<String, RoomStoryView> found = new HashMap<>();
        stories.find(in("_id", ids)).forEach(document -> found.put(document.getString("_id"),
                RoomDocuments.storyFromDocument(document)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }
}
