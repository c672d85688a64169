package io.freelance.ledger.query.messaging;

import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.query.messaging.attachment.AttachmentRooms;
import org.springframework.stereotype.Component;

/**
 * Rooms for attachment downloads, from the room read model at each download: a member removed from a room stops
 * reaching its files at once.
 */
@Component
public class RoomMembers implements AttachmentRooms {

    private final RoomReadModel rooms;

    public RoomMembers(RoomReadModel rooms) {
        this.rooms = rooms;
    }

    @Override
    public boolean isMember(String roomId, String userId) {
        return rooms.findById(roomId).map(room -> room.hasMember(userId)).orElse(false);
    }

    @Override
    public boolean isContractRoom(String roomId) {
        return rooms.findById(roomId).map(room -> room.type() == RoomType.CONTRACT).orElse(false);
    }
}
