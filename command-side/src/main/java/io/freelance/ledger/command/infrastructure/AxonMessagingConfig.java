package io.freelance.ledger.command.infrastructure;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.metrics.RecentCapacityMetricRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon settings both sides share; in the standalone process the first side to declare them wins. */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfig {

    static final String REQUEST_ID_KEY = "requestId";

    @Bean
    @ConditionalOnMissingBean(Jackson3SerializerCustomizer.class)
    public Jackson3SerializerCustomizer ledgerSerializerCustomizer() {
        return new LedgerSerializerCustomizer();
    }

    /**
     * Copies who acted, and the HTTP request id, from each command into the events it causes, so
     * the history can say who did what and in answer to which request.
     */
    @Bean
    @ConditionalOnMissingBean(name = "actorCorrelationDataProvider")
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Actor.USER_ID_KEY, Actor.ROLE_KEY, REQUEST_ID_KEY);
    }

    /** Correlation and trace ids: which command caused which event, across processes. */
    @Bean
    @ConditionalOnMissingBean(name = "messageOriginProvider")
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Axon's metrics with a short capacity window: Axon's ten minutes of samples filled the heap under load. */
    @Bean
    @ConditionalOnMissingBean(GlobalMetricRegistry.class)
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new RecentCapacityMetricRegistry(meterRegistry);
    }
}
