package io.freelance.ledger.query.messaging;

import com.mongodb.client.MongoDatabase;
import io.freelance.ledger.query.readstore.IdLists;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rooms each user has joined, in bucketed lists ({@link IdLists}) addressed by {@code _id}.
 * <p>
 * Why buckets: the list was one document per user, and every room a user joined rewrote it whole. A client's
 * every contract opens a room, so a busy client's document grew without end: at 11,916 rooms each new contract
 * rewrote about 600 KB twice (the client's and the freelancer's document), and encoding that list took a tenth
 * of everything the service allocated under load. A bucket holds at most {@value IdLists#BUCKET_SIZE} ids.
 * <p>
 * A list is append-only: leaving a room writes nothing here. The room document's members are what counts, and
 * every reader checks them ({@link RoomView#hasMember}), as it already had to for a member removed between the
 * two writes.
 */
@Component
public class RoomMemberLists {

    static final String COLLECTION = "room_member_lists";

    private final IdLists lists;

    public RoomMemberLists(MongoDatabase readModelDatabase) {
        this.lists = new IdLists(readModelDatabase.getCollection(COLLECTION));
    }

    /** Written before the room document names the member, so no member's room is missing from their list. */
    void joined(String userId, String roomId) {
        lists.append(userId, roomId);
    }

    /** Every room the user ever joined, once each: rooms they have left among them. */
    Set<String> roomIdsJoinedBy(String userId) {
        return lists.all(userId);
    }

    void deleteAll() {
        lists.deleteAll();
    }
}
