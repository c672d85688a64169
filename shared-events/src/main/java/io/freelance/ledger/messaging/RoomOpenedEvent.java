package io.freelance.ledger.messaging;

import java.time.Instant;
import java.util.List;

/** A room opened with its first members; {@code contractId} is set only for a contract's room. */
public record RoomOpenedEvent(
        String roomId,
        RoomType type,
        String contractId,
        String topic,
        List<RoomMember> members,
        String openedBy,
        Instant openedAt) {
}
