package io.freelance.ledger.query.messaging.unread;

import io.freelance.ledger.messaging.UnreadRange;
import io.freelance.ledger.query.messaging.RoomMemberView;
import io.freelance.ledger.query.messaging.RoomReadModel;
import io.freelance.ledger.query.messaging.RoomStoryView;
import io.freelance.ledger.query.messaging.RoomView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which members have messages that have waited unread long enough to be emailed, as the room read model shows
 * them now: per recipient, one range per room, from their oldest such message to their newest. Messages they
 * wrote, removed messages and messages past their read position never count.
 */
public class UnreadBatches {

    private final RoomReadModel rooms;
    private final UnreadEmailProperties properties;

    public UnreadBatches(RoomReadModel rooms, UnreadEmailProperties properties) {
        this.rooms = rooms;
        this.properties = properties;
    }

    /** Recipient to the ranges an email would cover at {@code now}. */
    public Map<String, List<UnreadRange>> dueAt(Instant now) {
        Instant postedBy = now.minus(properties.unreadDelay());
        Instant postedSince = now.minus(properties.unreadMaxAge());
        Map<String, List<UnreadRange>> due = new LinkedHashMap<>();
        for (RoomView room : rooms.activeSince(postedSince, properties.maxRoomsPerCheck())) {
            List<RoomStoryView> waiting = waitingStories(room, postedSince, postedBy);
            for (RoomMemberView member : room.members()) {
                rangeFor(room.id(), member, waiting).ifPresent(range ->
                        due.computeIfAbsent(member.userId(), recipient -> new ArrayList<>()).add(range));
            }
        }
        return due;
    }

    /** The room's newest stories that anyone may still owe an email for, oldest first. */
    private List<RoomStoryView> waitingStories(RoomView room, Instant postedSince, Instant postedBy) {
        long leastRead = room.members().stream().mapToLong(RoomMemberView::readUpToSequence).min().orElse(room.lastSequence());
        if (leastRead >= room.lastSequence()) {
            return List.of();
        }
        long from = Math.max(leastRead + 1, room.lastSequence() - properties.maxMessagesPerRoom() + 1);
        return rooms.storiesBetween(room.id(), from, room.lastSequence()).stream()
                .filter(story -> !story.isRemoved())
                .filter(story -> !story.postedAt().isAfter(postedBy) && story.postedAt().isAfter(postedSince))
                .toList();
    }

    private static java.util.Optional<UnreadRange> rangeFor(String roomId, RoomMemberView member, List<RoomStoryView> waiting) {
        List<Long> unread = waiting.stream()
                .filter(story -> story.sequence() > member.readUpToSequence())
                .filter(story -> !story.authorId().equals(member.userId()))
                .map(RoomStoryView::sequence)
                .toList();
        return unread.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new UnreadRange(roomId, unread.get(0), unread.get(unread.size() - 1)));
    }
}
