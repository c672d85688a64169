package io.freelance.ledger.command.messaging;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.messaging.RoomMember;
import io.freelance.ledger.messaging.RoomRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room's members, their roles and their read positions. Bounded by {@code RoomLimits.MAX_MEMBERS}, so this
 * state stays small however long the conversation runs.
 */
final class RoomMembers {

    private final Map<String, RoomRole> roles = new HashMap<>();
    private final Map<String, Long> readUpTo = new HashMap<>();

    void joined(List<RoomMember> members) {
        members.forEach(member -> joined(member.userId(), member.role(), 0));
    }

    /** A member who joins later sees the history but has nothing unread from before they joined. */
    void joined(String userId, RoomRole role, long readPosition) {
        roles.put(userId, role);
        readUpTo.put(userId, readPosition);
    }

    void left(String userId) {
        roles.remove(userId);
        readUpTo.remove(userId);
    }

    void read(String userId, long sequence) {
        readUpTo.computeIfPresent(userId, (user, position) -> Math.max(position, sequence));
    }

    int count() {
        return roles.size();
    }

    Optional<RoomRole> roleOf(String userId) {
        return Optional.ofNullable(roles.get(userId));
    }

    long readPositionOf(String userId) {
        return readUpTo.getOrDefault(userId, 0L);
    }

    /**
     * The acting member's role. Anyone else, finance and dispute handlers included, is told the room does not
     * exist, the same answer as for an unknown id: one-on-one room ids derive from the two user ids, so another
     * answer would tell an outsider who talks with whom.
     */
    RoomRole requireMember(Actor actor, String roomId) {
        RoomRole role = roles.get(actor.userId());
        if (role == null) {
            throw notFound(roomId);
        }
        return role;
    }

    RoomRole requireManager(Actor actor, String roomId, String action) {
        RoomRole role = requireMember(actor, roomId);
        if (!role.managesRoom()) {
            throw RuleViolation.forbidden("roomId", "room.managers-only",
                    "Only the owner or an admin of room %s can %s.".formatted(roomId, action));
        }
        return role;
    }

    static RuleViolation notFound(String roomId) {
        return RuleViolation.notFound("roomId", "room.not-found",
                "There is no room %s that you are a member of.".formatted(roomId));
    }
}
