package io.freelance.ledger.messaging;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author changes a message's text; the history keeps both texts. */
public record EditRoomStoryCommand(@TargetAggregateIdentifier String roomId, String storyId, String text) {
}
