package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An owner or admin archives a room: it keeps its history and takes no new messages. Not one-on-one rooms. */
public record ArchiveRoomCommand(@TargetAggregateIdentifier String roomId) {
}
