package io.freelance.ledger.standalone;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The running service's clock, which its aggregates and deadlines read through Axon
 * ({@code GenericEventMessage.clock}), stopped at instants a test chooses: the hourly cycle runs on a calendar
 * (a week is invoiced the Monday noon after it, reviewed until Friday night), and a test must stand at those
 * hours to record time, dispute and answer. Stopped rather than running, so what a deadline does is dated
 * exactly when it was due. The durable deadline store keeps the wall clock: {@link DeadlineTimeMachine#fireDueBy}
 * fires what is due by the service's time.
 * <p>
 * Test classes share one service and run one after the other, so a test sets the clock and must
 * {@link #close} it, which gives the service its own clock back.
 */
final class ServiceClock implements AutoCloseable {

    private final Clock original = GenericEventMessage.clock;
    private Instant now;

    ServiceClock at(Instant instant) {
        now = instant;
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
        return this;
    }

    Instant now() {
        return now;
    }

    @Override
    public void close() {
        GenericEventMessage.clock = original;
    }
}
