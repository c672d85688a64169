package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The acting member has read the room up to and including the message numbered {@code upToSequence}. */
public record MarkRoomReadCommand(@TargetAggregateIdentifier String roomId, long upToSequence) {
}
