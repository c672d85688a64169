package io.freelance.ledger.query.messaging.attachment;

import java.util.Optional;
import java.util.Set;

/**
 * What attachment downloads need to know of a room, as the messaging read model knows it: who belongs to it (members
 * download the files posted there) and whether it is a contract's room (finance and dispute handlers download those
 * too), in one read. The messaging slice provides the implementation; without one, no room is known, and only
 * uploaders download their files.
 */
@FunctionalInterface
public interface AttachmentRooms {

    AttachmentRooms NONE = roomId -> Optional.empty();

    /** Empty when there is no such room. */
    Optional<AttachmentRoom> find(String roomId);

    /** A room as downloads see it. */
    record AttachmentRoom(Set<String> memberIds, boolean contractRoom) {

        public AttachmentRoom {
            memberIds = Set.copyOf(memberIds);
        }

        boolean hasMember(String userId) {
            return memberIds.contains(userId);
        }
    }
}
