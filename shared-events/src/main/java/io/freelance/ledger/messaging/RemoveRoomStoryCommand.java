package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author (or a room manager) removes a message; the history keeps that it was said and when it went. */
public record RemoveRoomStoryCommand(@TargetAggregateIdentifier String roomId, String storyId) {
}
