package io.freelance.ledger.query.infrastructure;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import io.freelance.ledger.metrics.RecentCapacityMetricRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side reads the same JSON the command side writes (events, tokens), and measures as it does. */
@Configuration(proxyBeanMethods = false)
public class QuerySideAxonConfig {

    @Bean
    @ConditionalOnMissingBean(Jackson3SerializerCustomizer.class)
    public Jackson3SerializerCustomizer querySideSerializerCustomizer() {
        return new LedgerSerializerCustomizer();
    }

    /** Axon's metrics with a short capacity window: Axon's ten minutes of samples filled the heap under load. */
    @Bean
    @ConditionalOnMissingBean(GlobalMetricRegistry.class)
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new RecentCapacityMetricRegistry(meterRegistry);
    }
}
