package io.freelance.ledger.command.escrow;

import io.freelance.ledger.common.Actor;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;

/** When escrow events happen: now, when a late deadline acts, and the deadlines the account sets. */
final class EscrowClock {

    private EscrowClock() {
    }

    /** Axon test fixtures control this clock; production reads the system clock through it. */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /**
     * A deadline never acts before it is due. When it runs late (the service was down), the entry carries
     * the time it really happened, so no balance at an instant already past changes after the fact.
     */
    static Instant effectiveAt(Instant dueAt) {
        Instant now = now();
        return now.isAfter(dueAt) ? now : dueAt;
    }

    /**
     * A deadline acts as the service. Without the service's metadata it would inherit, as correlation data,
     * the user whose command set it, and the history would say that user released or refunded the money.
     */
    static void scheduleAsService(DeadlineManager deadlines, Instant dueAt, String deadlineName, Object payload) {
        deadlines.schedule(dueAt, deadlineName,
                GenericMessage.asMessage(payload).andMetaData(Actor.SYSTEM.asMetaData()));
    }
}
