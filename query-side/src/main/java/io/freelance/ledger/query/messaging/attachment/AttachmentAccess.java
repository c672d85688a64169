package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may download an attachment: whoever uploaded it; the members of a room where a message carries it; and, for a
 * message in a contract's room, finance and dispute handlers. Asked at each download, so a member removed from the
 * room can no longer fetch its files.
 */
final class AttachmentAccess {

    /**
     * They see all of a contract, for audits and disputes, so the files its parties exchanged too; downloads only (they
     * send no messages), and never from one-on-one or group rooms, which belong to no contract.
     */
    private static final Set<Role> SEE_CONTRACT_ROOMS = EnumSet.of(Role.FINANCE, Role.DISPUTE_HANDLER);

    private final AttachmentRooms rooms;

    AttachmentAccess(AttachmentRooms rooms) {
        this.rooms = rooms;
    }

    boolean maySee(Actor actor, StoredAttachment attachment) {
        return attachment.uploadedBy(actor.userId())
                || attachment.attachedTo().stream().anyMatch(to -> maySeeFilesOf(actor, to.roomId()));
    }

    private boolean maySeeFilesOf(Actor actor, String roomId) {
        return rooms.find(roomId)
                .map(room -> room.hasMember(actor.userId()) || SEE_CONTRACT_ROOMS.contains(actor.role()) && room.contractRoom())
                .orElse(false);
    }
}
