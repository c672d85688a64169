package io.freelance.ledger.query.infrastructure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A real MongoDB, used whenever {@code ledger.mongo.uri} (env {@code LEDGER_MONGO_URI}) is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ledger.mongo.uri:}'.isBlank()")
public class ExternalMongoConfig {

    @Bean
    public ReadStoreAddress externalReadStore(@Value("${ledger.mongo.uri}") String uri) {
        return () -> uri;
    }
}
