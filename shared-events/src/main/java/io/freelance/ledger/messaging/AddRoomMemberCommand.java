package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner or admin adds a user to a group room (or a contract room); the new member sees the history. */
public record AddRoomMemberCommand(@TargetAggregateIdentifier String roomId, String userId, RoomRole role) {
}
