package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.standalone.StandaloneApplication;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The standalone service with its clock (Axon's {@code GenericEventMessage.clock}, which the aggregates read) running
 * ahead of the wall clock by the ISO-8601 duration in the system property {@value #OFFSET_PROPERTY}, so a benchmark
 * can stand at a chosen hour of the weekly calendar. Only the service's notion of "now" moves: the durable deadline
 * store keeps wall-clock times. Test-only: run by {@code ServiceProcess} as the child JVM's main class.
 */
public final class ServiceAtShiftedClock {

    public static final String OFFSET_PROPERTY = "ledger.benchmark.service-clock-offset";

    private ServiceAtShiftedClock() {
    }

    public static void main(String[] args) {
        String offset = System.getProperty(OFFSET_PROPERTY);
        if (offset == null) {
            throw new IllegalArgumentException("Set -D" + OFFSET_PROPERTY + " to an ISO-8601 duration such as PT6H30M");
        }
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.parse(offset));
        StandaloneApplication.main(args);
    }
}
