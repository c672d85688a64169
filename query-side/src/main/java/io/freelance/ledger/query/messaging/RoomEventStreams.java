package io.freelance.ledger.query.messaging;

import io.freelance.ledger.common.RuleViolation;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A member's live {@link RoomEvent}s, on the updates {@link RoomEventFeed} publishes: no polling. The updates are
 * subscribed to before the member's rooms are read, so nothing between the two is lost (Axon buffers them), and
 * each event is admitted against the membership as of that event ({@link SubscribedRooms}).
 */
@Component
public class RoomEventStreams {

    /**
     * Events a slow subscriber may fall behind by before its stream ends with an error (it reads the room again and
     * subscribes anew): a limit, so one stalled connection never holds an unbounded queue.
     */
    static final int PENDING_EVENTS_MAX = 10_000;

    private final QueryGateway queryGateway;
    private final RoomReadModel rooms;
    /** Deliveries never run on the projection's thread, which emits the updates. */
    private final Scheduler deliverers = Schedulers.boundedElastic();

    public RoomEventStreams(QueryGateway queryGateway, RoomReadModel rooms) {
        this.queryGateway = queryGateway;
        this.rooms = rooms;
    }

    /** One room's events; the stream ends with NOT_FOUND when the member is removed (after telling them so). */
    public Flux<RoomEvent> ofRoom(String userId, String roomId) {
        return open(new RoomEventsQuery(roomId), () -> SubscribedRooms.one(userId, roomId,
                rooms.memberRoomVersion(userId, roomId).orElseThrow(() -> RoomAccess.notFound("roomId", roomId))),
                roomId);
    }

    /** The events of every room the user belongs to, including rooms they are added to meanwhile. */
    public Flux<RoomEvent> ofEveryRoom(String userId) {
        return open(new RoomEventsQuery(null), () -> SubscribedRooms.every(userId, rooms.memberRoomVersions(userId)),
                null);
    }

    private Flux<RoomEvent> open(RoomEventsQuery query, Supplier<SubscribedRooms> subscribedRooms, String roomId) {
        return Flux.using(() -> queryGateway.subscriptionQuery(query, ResponseTypes.instanceOf(Boolean.class),
                        ResponseTypes.instanceOf(RoomEvent.class)),
                subscription -> Mono.fromCallable(subscribedRooms::get)
                        .flatMapMany(subscribed -> admitted(subscription.updates(), subscribed, roomId)),
                SubscriptionQueryResult::close);
    }

    private Flux<RoomEvent> admitted(Flux<RoomEvent> updates, SubscribedRooms subscribed, String roomId) {
        return updates.<RoomEvent>handle((event, sink) -> {
                    switch (subscribed.admit(event)) {
                        case DELIVER -> sink.next(event);
                        case DELIVER_THEN_END -> {
                            sink.next(event);
                            sink.error(RoomAccess.notFound("roomId", roomId));
                        }
                        case SKIP -> {
                            // Not the subscriber's, or already known to them.
                        }
                    }
                })
                .onBackpressureBuffer(PENDING_EVENTS_MAX, dropped -> { }, BufferOverflowStrategy.ERROR)
                .onErrorMap(Exceptions::isOverflow, overflow -> RuleViolation.conflict("roomEvents",
                        "room-events.subscriber-too-slow", "More than " + PENDING_EVENTS_MAX
                                + " room events were waiting for this subscription; read the rooms again and subscribe anew."))
                .publishOn(deliverers);
    }
}
