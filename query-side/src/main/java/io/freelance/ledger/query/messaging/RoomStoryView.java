package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.messaging.RoomStoryEditedEvent;
import io.freelance.ledger.messaging.RoomStoryPostedEvent;
import io.freelance.ledger.messaging.RoomStoryRemovedEvent;
import io.freelance.ledger.messaging.StoryAttachment;
import io.freelance.ledger.query.messaging.search.StoryWords;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The schema's {@code RoomStory}: a message as it reads now. A removed message keeps its place, author and
 * times but no longer shows its text or files; the event history keeps what was said.
 */
public record RoomStoryView(
        String roomId,
        String id,
        long sequence,
        String authorId,
        Role authorRole,
        String text,
        List<StoryAttachment> attachments,
        Instant postedAt,
        Instant editedAt,
        Instant removedAt,
        String removedBy) {

    static RoomStoryView posted(RoomStoryPostedEvent event, Role authorRole) {
        return new RoomStoryView(event.roomId(), event.storyId(), event.sequence(), event.authorId(), authorRole,
                event.text(), Objects.requireNonNullElse(event.attachments(), List.of()), event.postedAt(), null, null,
                null);
    }

    RoomStoryView edited(RoomStoryEditedEvent event) {
        return new RoomStoryView(roomId, id, sequence, authorId, authorRole, event.text(), attachments, postedAt,
                event.editedAt(), removedAt, removedBy);
    }

    RoomStoryView removed(RoomStoryRemovedEvent event) {
        return new RoomStoryView(roomId, id, sequence, authorId, authorRole, text, attachments, postedAt, editedAt,
                event.removedAt(), event.removedBy());
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    /** What readers see: nothing of a removed message's content. */
    public String visibleText() {
        return isRemoved() ? null : text;
    }

    public List<StoryAttachment> visibleAttachments() {
        return isRemoved() ? List.of() : attachments;
    }

    /** Every one of the words, as the room search counts words ({@link StoryWords}); never a removed story. */
    boolean holdsAllWords(Set<String> words) {
        return !isRemoved() && !words.isEmpty() && StoryWords.of(text).containsAll(words);
    }
}
