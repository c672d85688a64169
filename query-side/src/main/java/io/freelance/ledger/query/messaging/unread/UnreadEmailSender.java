package io.freelance.ledger.query.messaging.unread;

import io.freelance.ledger.messaging.UnreadEmailDecidedEvent;
import io.freelance.ledger.messaging.UnreadRange;
import io.freelance.ledger.query.messaging.RoomReadModel;
import io.freelance.ledger.query.messaging.RoomStoryView;
import io.freelance.ledger.query.messaging.RoomView;
import io.freelance.ledger.query.messaging.notification.MessageEmails;
import io.freelance.ledger.query.messaging.notification.UnreadMessagesEmail;
import io.freelance.ledger.query.messaging.notification.UnreadMessagesEmail.UnreadMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the email an {@link UnreadEmailDecidedEvent} decided, under the event's email id: should the event be
 * handled again (the service stopped before its token moved), the outbox takes that id once. Never on a replay.
 * What went meanwhile (read, removed, the recipient left the room) is left out; with nothing left, nothing goes.
 */
@ProcessingGroup(UnreadEmailSender.PROCESSING_GROUP)
public class UnreadEmailSender {

    public static final String PROCESSING_GROUP = "message-emails";
    private static final Logger log = LoggerFactory.getLogger(UnreadEmailSender.class);

    private final RoomReadModel rooms;
    private final UnreadMessagesEmail template;
    private final MessageEmails emails;

    public UnreadEmailSender(RoomReadModel rooms, UnreadMessagesEmail template, MessageEmails emails) {
        this.rooms = rooms;
        this.template = template;
        this.emails = emails;
    }

    @EventHandler
    @DisallowReplay
    public void on(UnreadEmailDecidedEvent event) {
        List<UnreadMessage> messages = new ArrayList<>();
        event.ranges().forEach(range -> messages.addAll(stillUnread(event.recipientId(), range)));
        if (messages.isEmpty()) {
            log.info("Email {} to {}: every message it was about was read or removed meanwhile; not sent",
                    event.emailId(), event.recipientId());
            return;
        }
        emails.send(template.render(event.emailId(), event.recipientId(), messages));
    }

    private List<UnreadMessage> stillUnread(String recipientId, UnreadRange range) {
        Optional<RoomView> room = rooms.findById(range.roomId()).filter(found -> found.hasMember(recipientId));
        if (room.isEmpty()) {
            return List.of();
        }
        long readUpTo = room.get().member(recipientId).map(member -> member.readUpToSequence()).orElse(0L);
        return rooms.storiesBetween(range.roomId(), range.fromSequence(), range.toSequence()).stream()
                .filter(story -> !story.isRemoved() && story.sequence() > readUpTo && !story.authorId().equals(recipientId))
                .map(story -> message(room.get(), story))
                .toList();
    }

    private static UnreadMessage message(RoomView room, RoomStoryView story) {
        return new UnreadMessage(room.id(), room.topic(), story.authorId(), story.postedAt(), story.text());
    }
}
