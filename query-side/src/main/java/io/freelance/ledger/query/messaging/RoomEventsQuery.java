package io.freelance.ledger.query.messaging;

/**
 * The subscription query of {@link RoomEvent}s: those of one room, or of every room when {@code roomId} is null
 * (whose they are is for the subscriber to check, against the membership it tracks).
 */
public record RoomEventsQuery(String roomId) {

    boolean wants(RoomEvent event) {
        return roomId == null || roomId.equals(event.roomId());
    }
}
