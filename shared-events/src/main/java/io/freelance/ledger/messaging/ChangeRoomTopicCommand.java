package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRoomTopicCommand(@TargetAggregateIdentifier String roomId, String topic) {
}
