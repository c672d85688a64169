package io.freelance.ledger.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's metrics (the same meters, names and tags as {@link GlobalMetricRegistry}), with the
 * {@code capacity} gauges computed over the last {@link #CAPACITY_WINDOW} instead of Axon's ten minutes.
 * <p>
 * Why: Axon's capacity monitor keeps every handled message's duration for its whole window, one entry in
 * a skip list each. Under 16 clients that was about 2,000 entries a second for the command bus, the query
 * bus, the update emitter and each of eight event processors: after minutes of load a class histogram of the
 * live heap showed 460,000 skip-list nodes and a million boxed longs (about 40 MB), growing until the ten
 * minutes were full, in a service run in 512 MB. They lived long enough to be promoted, and the collector's
 * pauses grew minute by minute (SustainedLoadBenchmark, README). Ten seconds of entries is a few megabytes
 * at any rate the service reaches, and still says how busy a handler is now.
 */
public class RecentCapacityMetricRegistry extends GlobalMetricRegistry {

    public static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final Clock clock;

    public RecentCapacityMetricRegistry(MeterRegistry registry) {
        this(registry, Clock.SYSTEM);
    }

    /** With the clock the capacity window is measured by (tests move it by hand). */
    public RecentCapacityMetricRegistry(MeterRegistry registry, Clock clock) {
        super(registry);
        this.clock = clock;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String eventProcessorName,
            Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(eventProcessorName, getRegistry(), tagsBuilder),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(eventProcessorName)
                        .meterRegistry(getRegistry())
                        .tagsBuilder(latencyTagsBuilder)
                        .build(),
                capacity(eventProcessorName, tagsBuilder),
                MessageCountingMonitor.buildMonitor(eventProcessorName, getRegistry(), tagsBuilder));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName,
                                                                        Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitor(commandBusName, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName,
                                                                       Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitor(queryBusName, tagsBuilder);
    }

    /** The update emitter's registration is private in Axon's registry; the other components go through the methods above. */
    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType, String componentName) {
        if (QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return handlerMonitor(componentName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    private MessageMonitor<Message<?>> handlerMonitor(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new MultiMessageMonitor<>(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tagsBuilder),
                capacity(name, tagsBuilder),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tagsBuilder));
    }

    private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return CapacityMonitor.buildMonitor(name, getRegistry(), CAPACITY_WINDOW.toMillis(), TimeUnit.MILLISECONDS, clock,
                tagsBuilder);
    }
}
