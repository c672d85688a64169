package io.freelance.ledger.query.messaging;

import io.freelance.ledger.messaging.RoomType;
import io.freelance.ledger.query.messaging.attachment.AttachmentRooms;
import io.freelance.ledger.query.messaging.attachment.AttachmentRooms.AttachmentRoom;
import java.util.Optional;
import java.util.stream.Collectors;
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
    public Optional<AttachmentRoom> find(String roomId) {
        return rooms.findById(roomId).map(room -> new AttachmentRoom(
                room.members().stream().map(RoomMemberView::userId).collect(Collectors.toSet()),
                room.type() == RoomType.CONTRACT));
    }
}
