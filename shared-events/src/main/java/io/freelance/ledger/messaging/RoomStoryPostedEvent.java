package io.freelance.ledger.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message posted. {@code sequence} numbers the room's messages from 1 in the order the room took them;
 * read positions and unread counts are counted in it.
 */
public record RoomStoryPostedEvent(
        String roomId,
        String storyId,
        long sequence,
        String authorId,
        String text,
        List<StoryAttachment> attachments,
        Instant postedAt) {
}
