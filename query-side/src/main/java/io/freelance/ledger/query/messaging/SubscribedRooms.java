package io.freelance.ledger.query.messaging;

import java.util.HashMap;
import java.util.Map;

/**
 * The rooms one live subscriber belongs to, each with the last version they have been told of, kept up to date
 * from the ordered events themselves: an event is let through only while its room holds the subscriber as a
 * member as of that very event, so nothing posted after a removal reaches the removed member, however far the
 * read model has got. Versions at or below the last one told are skipped: what the member could already read
 * when subscribing, and an event delivered twice after a restart.
 */
final class SubscribedRooms {

    enum Verdict { DELIVER, DELIVER_THEN_END, SKIP }

    private final String userId;
    private final boolean singleRoom;
    private final Map<String, Long> lastVersionByRoom;

    private SubscribedRooms(String userId, boolean singleRoom, Map<String, Long> lastVersionByRoom) {
        this.userId = userId;
        this.singleRoom = singleRoom;
        this.lastVersionByRoom = new HashMap<>(lastVersionByRoom);
    }

    static SubscribedRooms one(String userId, String roomId, long version) {
        return new SubscribedRooms(userId, true, Map.of(roomId, version));
    }

    /** Every room of the user, and those they are added to while subscribed. */
    static SubscribedRooms every(String userId, Map<String, Long> versionByRoom) {
        return new SubscribedRooms(userId, false, versionByRoom);
    }

    /** Called with the events in their order; a removal of the subscriber is told to them, and is their last. */
    Verdict admit(RoomEvent event) {
        Long lastVersion = lastVersionByRoom.get(event.roomId());
        if (lastVersion == null) {
            return joins(event) ? Verdict.DELIVER : Verdict.SKIP;
        }
        if (event.version() <= lastVersion) {
            return Verdict.SKIP;
        }
        if (event.removes(userId)) {
            lastVersionByRoom.remove(event.roomId());
            return singleRoom ? Verdict.DELIVER_THEN_END : Verdict.DELIVER;
        }
        lastVersionByRoom.put(event.roomId(), event.version());
        return Verdict.DELIVER;
    }

    /** An every-room subscriber added to a room follows it from the event that added them. */
    private boolean joins(RoomEvent event) {
        if (singleRoom || !event.adds(userId)) {
            return false;
        }
        lastVersionByRoom.put(event.roomId(), event.version());
        return true;
    }
}
