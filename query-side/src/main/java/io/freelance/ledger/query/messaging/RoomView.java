package io.freelance.ledger.query.messaging;

import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomMemberAddedEvent;
import io.freelance.ledger.messaging.RoomOpenedEvent;
import io.freelance.ledger.messaging.RoomType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schema's {@code Room}: what a room list and a room's header show, its members with their read positions,
 * and the latest message. Transitions return a new view; the projection writes it back under the event's version.
 */
public record RoomView(
        String id,
        RoomType type,
        String contractId,
        String topic,
        boolean archived,
        List<RoomMemberView> members,
        long lastSequence,
        RoomStoryView latestStory,
        Instant openedAt,
        Instant latestActivityAt) {

    static RoomView opened(RoomOpenedEvent event) {
        List<RoomMemberView> members = event.members().stream()
                .map((RoomMember member) -> new RoomMemberView(member.userId(), member.role(), 0)).toList();
        return new RoomView(event.roomId(), event.type(), event.contractId(), event.topic(), false, members, 0, null,
                event.openedAt(), event.openedAt());
    }

    /** A member who joins sees the history with nothing unread from before they joined. */
    RoomView memberAdded(RoomMemberAddedEvent event) {
        List<RoomMemberView> next = new ArrayList<>(withoutMember(event.userId()));
        next.add(new RoomMemberView(event.userId(), event.role(), lastSequence));
        return withMembers(next, event.addedAt());
    }

    RoomView memberRemoved(String userId, Instant at) {
        return withMembers(withoutMember(userId), at);
    }

    RoomView topicChanged(String newTopic, Instant at) {
        return new RoomView(id, type, contractId, newTopic, archived, members, lastSequence, latestStory, openedAt, at);
    }

    RoomView archivedAt(Instant at) {
        return new RoomView(id, type, contractId, topic, true, members, lastSequence, latestStory, openedAt, at);
    }

    /** Posting reads the room up to one's own message, as the Room aggregate counts it. */
    RoomView storyPosted(RoomStoryView story) {
        List<RoomMemberView> next = members.stream()
                .map(member -> member.userId().equals(story.authorId()) ? member.readUpTo(story.sequence()) : member)
                .toList();
        return new RoomView(id, type, contractId, topic, archived, next, story.sequence(), story, openedAt,
                story.postedAt());
    }

    /** An edit or removal of the latest message shows in the room list too. */
    RoomView storyChanged(RoomStoryView story) {
        RoomStoryView latest = latestStory != null && latestStory.sequence() == story.sequence() ? story : latestStory;
        return new RoomView(id, type, contractId, topic, archived, members, lastSequence, latest, openedAt,
                latestActivityAt);
    }

    RoomView readMarked(String userId, long sequence) {
        List<RoomMemberView> next = members.stream()
                .map(member -> member.userId().equals(userId) ? member.readUpTo(sequence) : member).toList();
        return new RoomView(id, type, contractId, topic, archived, next, lastSequence, latestStory, openedAt,
                latestActivityAt);
    }

    public Optional<RoomMemberView> member(String userId) {
        return members.stream().filter(member -> member.userId().equals(userId)).findFirst();
    }

    public boolean hasMember(String userId) {
        return member(userId).isPresent();
    }

    /** Messages after the member's read position (removed ones included: they arrived while the member was away). */
    public long unreadFor(String userId) {
        return member(userId).map(member -> Math.max(0, lastSequence - member.readUpToSequence())).orElse(0L);
    }

    private List<RoomMemberView> withoutMember(String userId) {
        return members.stream().filter(member -> !member.userId().equals(userId)).toList();
    }

    private RoomView withMembers(List<RoomMemberView> next, Instant at) {
        return new RoomView(id, type, contractId, topic, archived, List.copyOf(next), lastSequence, latestStory,
                openedAt, at);
    }
}
