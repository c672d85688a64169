package io.freelance.ledger.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.query.readstore.IdLists;
import io.freelance.ledger.query.testsupport.InMemoryMongo;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A busy user's rooms: all listed, each once, and no document that grows with every room joined. */
class RoomMemberListsTest {

    private static InMemoryMongo mongo;
    private static RoomMemberLists lists;

    @BeforeAll
    static void startMongo() {
        mongo = new InMemoryMongo();
        lists = new RoomMemberLists(mongo.database("room-member-lists-test"));
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void empty() {
        lists.deleteAll();
    }

    @Test
    void everyRoomJoinedIsListedOnceInTheOrderJoined() {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < IdLists.BUCKET_SIZE * 2 + 50; i++) {
            joined.add("contract-room-" + i);
            lists.joined("alice", "contract-room-" + i);
        }
        lists.joined("alice", "contract-room-7");
        lists.joined("carol", "contract-room-1");

        assertThat(lists.roomIdsJoinedBy("alice")).containsExactlyElementsOf(joined);
        assertThat(lists.roomIdsJoinedBy("carol")).containsExactly("contract-room-1");
        assertThat(lists.roomIdsJoinedBy("dave")).isEmpty();
    }

    @Test
    void noDocumentHoldsMoreThanOneBucketOfRooms() {
        for (int i = 0; i < IdLists.BUCKET_SIZE * 3; i++) {
            lists.joined("alice", "room-" + i);
        }

        List<Integer> sizes = new ArrayList<>();
        mongo.database("room-member-lists-test").getCollection(RoomMemberLists.COLLECTION).find()
                .forEach((Document document) -> sizes.add(document.getList("ids", String.class, List.of()).size()));
        assertThat(sizes).hasSizeGreaterThan(3).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(IdLists.BUCKET_SIZE));
    }
}
