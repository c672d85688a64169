package io.freelance.ledger.query.infrastructure;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side reads the same JSON the command side writes (events, tokens). */
@Configuration(proxyBeanMethods = false)
public class QuerySideAxonConfig {

    @Bean
    @ConditionalOnMissingBean(Jackson3SerializerCustomizer.class)
    public Jackson3SerializerCustomizer querySideSerializerCustomizer() {
        return new LedgerSerializerCustomizer();
    }
}
