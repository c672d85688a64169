package io.freelance.ledger.query.messaging.attachment;

import io.freelance.ledger.common.Actor;

/**
 * Who may download an attachment: whoever uploaded it, and the members of a room where a message carries it,
 * asked at each download, so a member removed from the room can no longer fetch its files.
 */
final class AttachmentAccess {

    private final RoomMembership membership;

    AttachmentAccess(RoomMembership membership) {
        this.membership = membership;
    }

    boolean maySee(Actor actor, StoredAttachment attachment) {
        return attachment.uploadedBy(actor.userId())
                || attachment.attachedTo().stream().anyMatch(to -> membership.isMember(to.roomId(), actor.userId()));
    }
}
