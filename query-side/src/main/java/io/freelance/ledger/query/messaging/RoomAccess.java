package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Who may see a room: its members, nobody else. Anyone else (finance and dispute handlers too, who read
 * conversations through the event history of a dispute) gets NOT_FOUND, the same answer as for an id that does
 * not exist, as contracts answer people who are no party: one-on-one room ids derive from the two user ids, so
 * any other answer would tell an outsider who talks with whom.
 */
@Component
public class RoomAccess {

    private final RoomReadModel rooms;

    public RoomAccess(RoomReadModel rooms) {
        this.rooms = rooms;
    }

    public RoomView requireMember(Actor actor, String field, String roomId) {
        return rooms.findById(roomId).filter(room -> room.hasMember(actor.userId()))
                .orElseThrow(() -> notFound(field, roomId));
    }

    /** Rooms are for the marketplace's clients and freelancers; told before anything is sent. */
    static void requireMarketplaceUser(Actor actor, String field) {
        if (actor.role() != Role.CLIENT && actor.role() != Role.FREELANCER) {
            throw RuleViolation.forbidden(field, "room.marketplace-users-only", "Rooms are for clients and freelancers.");
        }
    }

    static RuleViolation notFound(String field, String roomId) {
        return RuleViolation.notFound(field, "room.not-found",
                "There is no room " + roomId + " that you are a member of.");
    }
}
