package io.freelance.ledger.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomRole;
import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.query.messaging.search.StorySearchIndex;
import io.freelance.ledger.query.readstore.IdLists;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A busy client's rooms, read across several of the store's queries: every one the client is still in, newest first. */
class RoomReadModelTest {

    private static final int ROOMS = IdLists.BUCKET_SIZE * 2 + 31;

    private static InMemoryMongo mongo;
    private static RoomReadModel readModel;

    @BeforeAll
    static void manyRooms() {
        mongo = new InMemoryMongo();
        MongoDatabase database = mongo.database("room-read-model-test");
        RoomMemberLists memberLists = new RoomMemberLists(database);
        readModel = new RoomReadModel(database, memberLists, new StorySearchIndex(database));
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < ROOMS; i++) {
            String roomId = "contract-room-" + i;
            // Every seventh room no longer has alice as a member: her list keeps it, the room's members do not.
            List<RoomMember> members = i % 7 == 0 ? List.of(new RoomMember("carol", RoomRole.OWNER))
                    : List.of(new RoomMember("alice", RoomRole.OWNER), new RoomMember("carol", RoomRole.MEMBER));
            RoomOpenedEvent opened = new RoomOpenedEvent(roomId, RoomType.GROUP, null, "Room " + i, members, "alice",
                    start.plusSeconds(i));
            memberLists.joined("alice", roomId);
            database.getCollection(RoomStore.ROOMS).insertOne(RoomDocuments.toDocument(RoomView.opened(opened), 1));
        }
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void everyRoomStillJoinedIsListedLatestActivityFirst() {
        List<String> expected = new ArrayList<>();
        for (int i = ROOMS - 1; i >= 0; i--) {
            if (i % 7 != 0) {
                expected.add("contract-room-" + i);
            }
        }

        assertThat(readModel.roomsOf("alice")).extracting(RoomView::id).containsExactlyElementsOf(expected);
        assertThat(readModel.memberRoomVersions("alice")).containsOnlyKeys(expected);
    }

    @Test
    void aUserWithoutRoomsHasNone() {
        assertThat(readModel.roomsOf("dave")).isEmpty();
        assertThat(readModel.memberRoomVersions("dave")).isEmpty();
    }
}
