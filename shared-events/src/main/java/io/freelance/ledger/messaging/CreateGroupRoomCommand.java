package io.freelance.ledger.messaging;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The acting user creates a group room and becomes its owner; {@code memberIds} join as members. */
public record CreateGroupRoomCommand(@TargetAggregateIdentifier String roomId, String topic, List<String> memberIds) {
}
