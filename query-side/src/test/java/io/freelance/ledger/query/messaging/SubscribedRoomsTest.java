package io.freelance.ledger.query.messaging;

import static io.freelance.ledger.query.messaging.SubscribedRooms.Verdict.DELIVER;
import static io.freelance.ledger.query.messaging.SubscribedRooms.Verdict.DELIVER_THEN_END;
import static io.freelance.ledger.query.messaging.SubscribedRooms.Verdict.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.messaging.RoomRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which room events reach a live subscriber, decided from the events in their order. */
class SubscribedRoomsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void eventsAfterTheVersionSeenWhenSubscribingAreDeliveredAndEarlierOnesOrRepeatsAreNot() {
        SubscribedRooms rooms = SubscribedRooms.one("carol", "room-1", 5);

        assertThat(rooms.admit(posted("room-1", 5, 3))).isEqualTo(SKIP);
        assertThat(rooms.admit(posted("room-1", 6, 4))).isEqualTo(DELIVER);
        assertThat(rooms.admit(posted("room-1", 6, 4))).as("delivered twice after a restart").isEqualTo(SKIP);
        assertThat(rooms.admit(posted("room-1", 7, 5))).isEqualTo(DELIVER);
    }

    @Test
    void aOneRoomSubscriberIsToldOfTheirRemovalAndThenTheStreamEnds() {
        SubscribedRooms rooms = SubscribedRooms.one("carol", "room-1", 5);

        assertThat(rooms.admit(RoomEvent.memberRemoved("room-1", 6, "dave", AT))).isEqualTo(DELIVER);
        assertThat(rooms.admit(RoomEvent.memberRemoved("room-1", 7, "carol", AT))).isEqualTo(DELIVER_THEN_END);
        assertThat(rooms.admit(posted("room-1", 8, 6))).isEqualTo(SKIP);
    }

    @Test
    void anEveryRoomSubscriberLosesARoomTheyLeaveAndGainsOneTheyAreAddedTo() {
        SubscribedRooms rooms = SubscribedRooms.every("carol", Map.of("room-1", 5L, "room-2", 3L));

        assertThat(rooms.admit(RoomEvent.memberRemoved("room-1", 6, "carol", AT))).isEqualTo(DELIVER);
        assertThat(rooms.admit(posted("room-1", 7, 4))).as("the room carol left").isEqualTo(SKIP);
        assertThat(rooms.admit(posted("room-2", 4, 2))).isEqualTo(DELIVER);
        assertThat(rooms.admit(posted("room-3", 9, 7))).as("a room carol is not in").isEqualTo(SKIP);
        assertThat(rooms.admit(RoomEvent.memberAdded("room-3", 10, "carol", RoomRole.MEMBER, AT))).isEqualTo(DELIVER);
        assertThat(rooms.admit(posted("room-3", 11, 8))).isEqualTo(DELIVER);
    }

    @Test
    void aOneRoomSubscriberFollowsNoOtherRoomEvenWhenAddedToIt() {
        SubscribedRooms rooms = SubscribedRooms.one("carol", "room-1", 5);

        assertThat(rooms.admit(RoomEvent.memberAdded("room-2", 2, "carol", RoomRole.MEMBER, AT))).isEqualTo(SKIP);
        assertThat(rooms.admit(posted("room-2", 3, 1))).isEqualTo(SKIP);
    }

    private static RoomEvent posted(String roomId, long version, long sequence) {
        RoomStoryView story = new RoomStoryView(roomId, "story-" + sequence, sequence, "alice", Role.CLIENT, "Hello",
                List.of(), AT, null, null, null);
        return RoomEvent.story(RoomEventKind.STORY_CREATED, version, story, AT);
    }
}
