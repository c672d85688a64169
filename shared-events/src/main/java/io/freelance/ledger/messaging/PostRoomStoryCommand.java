package io.freelance.ledger.messaging;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member posts a message ("story" in Upwork's API). {@code storyId} is chosen by the client, so a retried
 * post is recognised and has no second effect.
 */
public record PostRoomStoryCommand(
        @TargetAggregateIdentifier String roomId, String storyId, String text, List<StoryAttachment> attachments) {
}
