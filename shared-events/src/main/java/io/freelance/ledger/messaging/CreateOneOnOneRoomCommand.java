package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The acting user opens a one-on-one room with {@code otherUserId}; {@code roomId} is
 * {@link RoomId#forOneOnOne}, so the room is created at most once per pair (Upwork's
 * {@code roomCreate1on1IfNotExists}).
 */
public record CreateOneOnOneRoomCommand(@TargetAggregateIdentifier String roomId, String otherUserId) {
}
