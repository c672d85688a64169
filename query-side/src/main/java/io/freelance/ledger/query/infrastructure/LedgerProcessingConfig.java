package io.freelance.ledger.query.infrastructure;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger projection applies entries strictly in ledger order, as one sequence. Accounts such as
 * the platform's fee accounts are shared by every contract, so a per-aggregate sequence would let a
 * dead letter, retried later, land after newer entries on the same account. With one sequence a
 * failing entry holds back everything after it instead: the ledger stops rather than reorders.
 * Named by {@code axon.eventhandling.processors.ledger-projection.sequencing-policy}.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerProcessingConfig {

    @Bean
    public SequencingPolicy<Object> ledgerSequencingPolicy() {
        return new SequentialPolicy();
    }
}
