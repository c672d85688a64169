package io.freelance.ledger.standalone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Runs a step of a test as if it happened at another time. The aggregates stamp their events and judge
 * time rules (future cells, locked weeks, when a contract started) by Axon's clock, which the service
 * shares with the test in this JVM. Test classes run one after the other, so no other test sees the move.
 */
final class ServiceClock {

    private ServiceClock() {
    }

    static <T> T at(Instant when, Supplier<T> step) {
        Clock system = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.offset(system, Duration.between(system.instant(), when));
        try {
            return step.get();
        } finally {
            GenericEventMessage.clock = system;
        }
    }
}
