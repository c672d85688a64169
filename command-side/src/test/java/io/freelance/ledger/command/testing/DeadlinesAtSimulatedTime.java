package io.freelance.ledger.command.testing;

import java.time.Clock;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Runs the deadlines a fixture advances to at the fixture's simulated time. Axon's fixture sets its time as
 * {@link GenericEventMessage#clock} while given and when commands run, but not while a deadline it advances to
 * runs: a deadline handler reading the clock (a week's lock, a refund's effective time) then got the wall clock,
 * and a test's expectations broke once the wall clock passed the scenario's dates. The fixture's current time
 * during a deadline is the deadline's own time.
 */
public final class DeadlinesAtSimulatedTime {

    private DeadlinesAtSimulatedTime() {
    }

    public static <T> AggregateTestFixture<T> applyTo(AggregateTestFixture<T> fixture) {
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            Clock wallClock = GenericEventMessage.clock;
            GenericEventMessage.clock = Clock.fixed(fixture.currentTime(), ZoneOffset.UTC);
            try {
                return chain.proceed();
            } finally {
                GenericEventMessage.clock = wallClock;
            }
        });
        return fixture;
    }
}
