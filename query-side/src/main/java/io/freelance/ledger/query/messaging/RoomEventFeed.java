package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomMemberRemovedEvent;
import io.freelance.ledger.messaging.RoomReadMarkedEvent;
import io.freelance.ledger.messaging.RoomStoryEditedEvent;
import io.freelance.ledger.messaging.RoomStoryPostedEvent;
import io.freelance.ledger.messaging.RoomStoryRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes each room event as a {@link RoomEvent} update of {@link RoomEventsQuery}. In the room projection's
 * processing group, so it sees every room event once, in the room's order, on the thread that writes the read
 * model; Axon's emitter delivers after that unit of work commits, so a subscriber who reads the room then sees
 * the change. One update per event, never merged: a burst of messages arrives whole. Not on replays: a rebuilt
 * read model is no news, and subscribers would skip the old versions anyway.
 */
@Component
@DisallowReplay
@ProcessingGroup(RoomProjection.PROCESSING_GROUP)
public class RoomEventFeed {

    private static final Logger log = LoggerFactory.getLogger(RoomEventFeed.class);

    private final QueryUpdateEmitter updateEmitter;
    private final RoomStore store;

    public RoomEventFeed(QueryUpdateEmitter updateEmitter, RoomStore store) {
        this.updateEmitter = updateEmitter;
        this.store = store;
    }

    @EventHandler
    public void on(RoomStoryPostedEvent event, @SequenceNumber long version,
                   @MetaDataValue(Actor.ROLE_KEY) String authorRole) {
        RoomStoryView story = RoomStoryView.posted(event, Role.valueOf(authorRole));
        emit(RoomEvent.story(RoomEventKind.STORY_CREATED, version, story, event.postedAt()));
    }

    /** The edit applied to the stored story here too: the projection may run before or after this handler. */
    @EventHandler
    public void on(RoomStoryEditedEvent event, @SequenceNumber long version) {
        store.story(event.roomId(), event.sequence()).ifPresentOrElse(
                stored -> emit(RoomEvent.story(RoomEventKind.STORY_UPDATED, version, stored.edited(event),
                        event.editedAt())),
                () -> log.warn("No story {} in room {} to announce its edit", event.sequence(), event.roomId()));
    }

    @EventHandler
    public void on(RoomStoryRemovedEvent event, @SequenceNumber long version) {
        store.story(event.roomId(), event.sequence()).ifPresentOrElse(
                stored -> emit(RoomEvent.story(RoomEventKind.STORY_REMOVED, version, stored.removed(event),
                        event.removedAt())),
                () -> log.warn("No story {} in room {} to announce its removal", event.sequence(), event.roomId()));
    }

    @EventHandler
    public void on(RoomReadMarkedEvent event, @SequenceNumber long version) {
        emit(RoomEvent.readPosition(event.roomId(), version, event.userId(), event.readUpToSequence(), event.readAt()));
    }

    @EventHandler
    public void on(RoomMemberAddedEvent event, @SequenceNumber long version) {
        emit(RoomEvent.memberAdded(event.roomId(), version, event.userId(), event.role(), event.addedAt()));
    }

    @EventHandler
    public void on(RoomMemberRemovedEvent event, @SequenceNumber long version) {
        emit(RoomEvent.memberRemoved(event.roomId(), version, event.userId(), event.removedAt()));
    }

    /** A subscription query needs an initial answer; there is nothing to read first, every event is news. */
    @QueryHandler
    public Boolean handle(RoomEventsQuery query) {
        return Boolean.TRUE;
    }

    private void emit(RoomEvent event) {
        updateEmitter.emit(RoomEventsQuery.class, query -> query.wants(event), event);
    }
}
