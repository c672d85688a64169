package io.freelance.ledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;

/**
 * Axon's metrics as Axon names and tags them, with the capacity gauges forgetting what is older than their
 * window instead of keeping ten minutes of every message.
 */
class RecentCapacityMetricRegistryTest {

    private final MockClock clock = new MockClock();
    private final MeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final RecentCapacityMetricRegistry registry = new RecentCapacityMetricRegistry(meters, clock);

    @Test
    void aProcessorsCapacityCountsTheLastWindowOnly() {
        MessageMonitor<Message<?>> monitor = monitorOf(registry, EventProcessor.class, "ledger-projection");

        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(GenericEventMessage.asEventMessage("funded"));
        clock.add(Duration.ofSeconds(5));
        handling.reportSuccess();

        assertThat(capacity("ledger-projection")).as("5 s busy in a 10 s window").isEqualTo(0.5);

        clock.add(RecentCapacityMetricRegistry.CAPACITY_WINDOW.plusSeconds(1));
        assertThat(capacity("ledger-projection")).as("once the window has passed").isZero();
    }

    @Test
    void everyComponentGetsTheMetersAxonsOwnRegistryGivesIt() {
        MeterRegistry axonsMeters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        GlobalMetricRegistry axons = new GlobalMetricRegistry(axonsMeters);

        for (Class<?> component : new Class<?>[] {EventProcessor.class, CommandBus.class, QueryBus.class, QueryUpdateEmitter.class}) {
            String name = component.getSimpleName();
            Message<?> message = component == CommandBus.class
                    ? GenericCommandMessage.asCommandMessage("approve") : GenericEventMessage.asEventMessage("approved");
            monitorOf(registry, component, name).onMessageIngested(message).reportSuccess();
            monitorOf(axons, component, name).onMessageIngested(message).reportSuccess();
        }

        assertThat(idsOf(meters)).isEqualTo(idsOf(axonsMeters)).anyMatch(id -> id.contains("capacity"));
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitorOf(GlobalMetricRegistry registry, Class<?> component, String name) {
        BiFunction<Class<?>, String, MessageMonitor<?>> register = registry::registerComponentWithDefaultTags;
        return (MessageMonitor<Message<?>>) register.apply(component, name);
    }

    private double capacity(String processor) {
        Gauge gauge = meters.find("eventProcessor.capacity").tag("processorName", processor).gauge();
        assertThat(gauge).as("the capacity gauge of %s", processor).isNotNull();
        return gauge.value();
    }

    private static Set<String> idsOf(MeterRegistry meters) {
        Set<String> ids = new TreeSet<>();
        for (Meter meter : meters.getMeters()) {
            ids.add(meter.getId().getName() + meter.getId().getTags());
        }
        return ids;
    }
}
