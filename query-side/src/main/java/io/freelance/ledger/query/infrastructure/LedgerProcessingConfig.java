package io.freelance.ledger.query.infrastructure;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger projection applies entries strictly in ledger order, as one sequence. Accounts such as
 * the platform's fee accounts are shared by every contract, so a per-aggregate sequence would let a
 * dead letter, retried later, land after newer entries on the same account. With one sequence a
 * failing entry holds back everything after it instead: the ledger stops rather than reorders.
 * Named by {@code axon.eventhandling.processors.ledger-projection.sequencing-policy}.
 * <p>
 * The sequence is named by a fixed string, not Axon's {@code SequentialPolicy}: that one names it by an
 * object whose hash the dead-letter queue stores, and the hash differs in every process, so after a
 * restart (or on another instance) new entries would no longer queue behind the parked ones.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerProcessingConfig {

    /** The one sequence of the ledger projection, as the dead-letter queue stores and lists it. */
    public static final String LEDGER_SEQUENCE = "ledger";

    @Bean
    public SequencingPolicy<Object> ledgerSequencingPolicy() {
        return event -> LEDGER_SEQUENCE;
    }
}
