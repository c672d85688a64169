package io.freelance.ledger.query.ledger;

import io.freelance.ledger.ledger.MoneyMovement;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Every money movement into journal entries, postings and balances. It runs as one segment so an
 * account's postings are applied in stream order; the event's global position orders them and
 * recognises a repeat.
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
public class LedgerProjection {

    public static final String PROCESSING_GROUP = "ledger-projection";

    private final LedgerStore store;
    private final EventPositions positions;

    public LedgerProjection(LedgerStore store, EventPositions positions) {
        this.store = store;
        this.positions = positions;
    }

    /** {@code recordedAt}: when the event was stored, kept on the entry beside its effective time (as-of reports read it). */
    @EventHandler
    public void on(MoneyMovement movement, @MessageIdentifier String eventId, TrackingToken token, @Timestamp Instant recordedAt) {
        if (movement.journalEntry() == null) {
            // Moved nothing between accounts (a milestone paid from money already in escrow).
            return;
        }
        long position = positions.positionOf(eventId, token);
        store.apply(movement.journalEntry(), position, movement.getClass().getSimpleName(), eventId, recordedAt);
    }

    /** A replay rebuilds the ledger from the first event; stale positions would make it skip everything. */
    @ResetHandler
    public void onReset() {
        store.deleteAll();
    }
}
