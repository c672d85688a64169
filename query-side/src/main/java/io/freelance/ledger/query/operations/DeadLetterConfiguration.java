package io.freelance.ledger.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dead letters that recover and show: every processing group that parks failing events does so with
 * {@link BackoffEnqueuePolicy}, {@link DeadLetterRetrier} retries them on a back-off, and their number
 * is a gauge per group ({@code ledger.deadletters{group}}) beside the {@code deadLetters} health component.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    public RetryBackoff deadLetterRetryBackoff(DeadLetterProperties properties) {
        return new RetryBackoff(properties.retry().initialDelay(), properties.retry().maxDelay());
    }

    /** The policy of every group with a dead-letter queue: always park, counting the failed attempts. */
    @Bean
    public ConfigurerModule deadLetterPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> new BackoffEnqueuePolicy());
    }

    /** Read at each scrape; NaN when the database does not answer (the health components say why). */
    @Bean
    public MeterBinder deadLetterGauges(DeadLetterStore store) {
        return registry -> store.processingGroups().forEach(group -> Gauge.builder("ledger.deadletters", store, letters -> {
                    try {
                        return letters.count(group);
                    } catch (RuntimeException e) {
                        log.debug("Counting the parked events of {} failed", group, e);
                        return Double.NaN;
                    }
                })
                .tag("group", group)
                .description("Events a projection could not apply, parked until a retry applies them")
                .strongReference(true)
                .register(registry));
    }
}
