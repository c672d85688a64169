package io.freelance.ledger.command.common;

import io.freelance.ledger.common.Actor;
import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;

/**
 * What every deadline of the hourly cycle shares: it acts as the service, and it never dates what it does
 * before it was due.
 */
public final class ServiceDeadlines {

    private ServiceDeadlines() {
    }

    /**
     * A deadline acts as the service. Without this it would inherit, as correlation data, the user whose
     * command set it, and the history would say that user invoiced, paid or refunded the money.
     */
    public static Message<?> bySystem(Object deadlinePayload) {
        return GenericMessage.asMessage(deadlinePayload).andMetaData(Actor.SYSTEM.asMetaData());
    }

    /**
     * When a deadline's work takes effect: when it was due, or now when it runs late (the service was down), so
     * no balance at an instant already past changes after the fact.
     */
    public static Instant effectiveAt(Instant dueAt) {
        Instant now = now();
        return now.isAfter(dueAt) ? now : dueAt;
    }

    /** Axon test fixtures control this clock; production reads the system clock through it. */
    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
