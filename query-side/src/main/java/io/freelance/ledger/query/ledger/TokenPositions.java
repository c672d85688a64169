package io.freelance.ledger.query.ledger;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * Positions read from the token an event was delivered with. That is exact for a store that hands out
 * positions without gaps (Axon Server's global sequence). A gap-aware token (a JPA or JDBC store) is
 * refused: when an event commits after one with a higher position, the processor receives it with a token
 * whose position is that higher one, so two events would share a position. Such a store needs
 * {@link EventPositions} that asks the store.
 */
public class TokenPositions implements EventPositions {

    @Override
    public long positionOf(String eventId, TrackingToken token) {
        // A replay wraps the event's own token; its lower bound is that token.
        TrackingToken own = WrappedToken.unwrapLowerBound(token);
        if (own instanceof GapAwareTrackingToken) {
            throw new IllegalStateException("Event " + eventId + " came with a gap-aware token " + token
                    + ", whose position is the highest seen, not necessarily this event's; the ledger needs EventPositions"
                    + " that read the event store");
        }
        return own.position().orElseThrow(() -> new IllegalStateException(
                "The ledger needs the event's stream position; token " + token + " has none"));
    }
}
