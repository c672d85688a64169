package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.messaging.RoomArchivedEvent;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomMemberRemovedEvent;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomReadMarkedEvent;
import io.freelance.ledger.messaging.RoomStoryEditedEvent;
import io.freelance.ledger.messaging.RoomStoryPostedEvent;
import io.freelance.ledger.messaging.RoomStoryRemovedEvent;
import io.freelance.ledger.messaging.RoomTopicChangedEvent;
import io.freelance.ledger.query.messaging.attachment.Attachments;
import io.freelance.ledger.query.messaging.search.StorySearchIndex;
import io.freelance.ledger.query.readstore.Versioned;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Rooms, their stories, read positions and each user's rooms, from the Room aggregate's events. Each event is
 * applied to the stored room under the event's version, so a repeated event is skipped. A processing group of
 * its own: a busy conversation never delays contracts or money, nor they it.
 */
@Component
@ProcessingGroup(RoomProjection.PROCESSING_GROUP)
public class RoomProjection {

    public static final String PROCESSING_GROUP = "room-projection";

    private final RoomStore store;
    private final Attachments attachments;
    private final StorySearchIndex searchIndex;

    public RoomProjection(RoomStore store, Attachments attachments, StorySearchIndex searchIndex) {
        this.store = store;
        this.attachments = attachments;
        this.searchIndex = searchIndex;
    }

    @EventHandler
    public void on(RoomOpenedEvent event, @SequenceNumber long sequenceNumber) {
        if (store.find(event.roomId()).isEmpty()) {
            event.members().stream().map(RoomMember::userId).forEach(userId -> store.joined(userId, event.roomId()));
            store.write(sequenceNumber, RoomView.opened(event));
        }
    }

    @EventHandler
    public void on(RoomMemberAddedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.roomId(), sequenceNumber, room -> {
            store.joined(event.userId(), event.roomId());
            return room.memberAdded(event);
        });
    }

    /** The room's members are what readers check; the user's list of joined rooms keeps the room (see RoomMemberLists). */
    @EventHandler
    public void on(RoomMemberRemovedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.roomId(), sequenceNumber, room -> room.memberRemoved(event.userId(), event.removedAt()));
    }

    @EventHandler
    public void on(RoomTopicChangedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.roomId(), sequenceNumber, room -> room.topicChanged(event.topic(), event.changedAt()));
    }

    @EventHandler
    public void on(RoomArchivedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.roomId(), sequenceNumber, room -> room.archivedAt(event.archivedAt()));
    }

    @EventHandler
    public void on(RoomStoryPostedEvent event, @SequenceNumber long sequenceNumber,
                   @MetaDataValue(Actor.ROLE_KEY) String authorRole) {
        apply(event.roomId(), sequenceNumber, room -> {
            RoomStoryView story = RoomStoryView.posted(event, Role.valueOf(authorRole));
            // Before the story shows: whoever sees the story can then download its files. Idempotent, so a
            // replay (in the order the events were stored) ends where the history does.
            story.attachments().forEach(file -> attachments.markAttached(file.attachmentId(), event.roomId(), event.storyId()));
            searchIndex.storyChanged(story.roomId(), story.sequence(), null, story.visibleText());
            store.writeStory(story);
            return room.storyPosted(story);
        });
    }

    @EventHandler
    public void on(RoomStoryEditedEvent event, @SequenceNumber long sequenceNumber) {
        changeStory(event.roomId(), event.sequence(), sequenceNumber, story -> story.edited(event));
    }

    @EventHandler
    public void on(RoomStoryRemovedEvent event, @SequenceNumber long sequenceNumber) {
        changeStory(event.roomId(), event.sequence(), sequenceNumber, story -> {
            story.attachments().forEach(file -> attachments.markDetached(file.attachmentId(), story.roomId(), story.id()));
            return story.removed(event);
        });
    }

    @EventHandler
    public void on(RoomReadMarkedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.roomId(), sequenceNumber, room -> room.readMarked(event.userId(), event.readUpToSequence()));
    }

    /** A replay rebuilds the collections from the first event; stale versions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
        searchIndex.deleteAll();
    }

    private void changeStory(String roomId, long storySequence, long sequenceNumber,
                             UnaryOperator<RoomStoryView> change) {
        apply(roomId, sequenceNumber, room -> {
            Optional<RoomStoryView> stored = store.story(roomId, storySequence);
            if (stored.isEmpty()) {
                throw new IllegalStateException("Story " + storySequence + " of room " + roomId + " changed before it was posted");
            }
            RoomStoryView changed = change.apply(stored.get());
            // The index before the story: repeated after a crash, the change is worked out from the story as
            // stored, which must still be the one before it.
            searchIndex.storyChanged(roomId, storySequence, stored.get().visibleText(), changed.visibleText());
            store.writeStory(changed);
            return room.storyChanged(changed);
        });
    }

    /** The transition may write stories and memberships first; the room document comes last, under the version. */
    private void apply(String roomId, long sequenceNumber, UnaryOperator<RoomView> transition) {
        Versioned.next(store.find(roomId), sequenceNumber, transition,
                        () -> new IllegalStateException("Room event " + sequenceNumber + " for room " + roomId
                                + " before the room opened"))
                .ifPresent(next -> store.write(sequenceNumber, next));
    }
}
