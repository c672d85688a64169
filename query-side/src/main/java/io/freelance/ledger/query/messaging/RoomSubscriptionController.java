package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code roomEvents}: what happens in one room, or in every room of the caller. Who may watch a room is who may
 * read it: a non-member is refused when subscribing with the queries' NOT_FOUND, and gets no stream.
 */
@Controller
public class RoomSubscriptionController {

    private final RoomAccess access;
    private final RoomEventStreams streams;

    public RoomSubscriptionController(RoomAccess access, RoomEventStreams streams) {
        this.access = access;
        this.streams = streams;
    }

    @SubscriptionMapping
    public Flux<RoomEvent> roomEvents(@Argument String roomId, Caller caller) {
        Actor actor = caller.actor();
        if (roomId == null) {
            return streams.ofEveryRoom(actor.userId());
        }
        String id = Inputs.id("roomId", roomId);
        access.requireMember(actor, "roomId", id);
        return streams.ofRoom(actor.userId(), id);
    }
}
