package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner or admin removes a member (or a member leaves); not in a one-on-one room. */
public record RemoveRoomMemberCommand(@TargetAggregateIdentifier String roomId, String userId) {
}
