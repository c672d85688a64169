package io.freelance.ledger.query.messaging.attachment;

/**
 * What attachment downloads need to know of a room, as the messaging read model knows it: who belongs to it (members
 * download the files posted there) and whether it is a contract's room (finance and dispute handlers download those
 * too). The messaging slice provides the implementation; without one, no room has members or is a contract's, and
 * only uploaders download their files.
 */
public interface AttachmentRooms {

    AttachmentRooms NONE = new AttachmentRooms() {
        @Override
        public boolean isMember(String roomId, String userId) {
            return false;
        }

        @Override
        public boolean isContractRoom(String roomId) {
            return false;
        }
    };

    boolean isMember(String roomId, String userId);

    boolean isContractRoom(String roomId);
}
