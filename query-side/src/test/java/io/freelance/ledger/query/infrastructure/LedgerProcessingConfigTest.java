package io.freelance.ledger.query.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.junit.jupiter.api.Test;

class LedgerProcessingConfigTest {

    /**
     * The JPA dead-letter queue stores a String identifier as it is and anything else by its hash; a
     * name that is the same in every process keeps new entries queued behind parked ones after a restart.
     */
    @Test
    void everyEntryIsInOneSequenceNamedTheSameInEveryProcess() {
        SequencingPolicy<Object> policy = new LedgerProcessingConfig().ledgerSequencingPolicy();
        SequencingPolicy<Object> anotherProcess = new LedgerProcessingConfig().ledgerSequencingPolicy();

        Object first = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("funding"));
        Object second = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("release"));

        assertThat(first).isInstanceOf(String.class).isEqualTo(second)
                .isEqualTo(anotherProcess.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("refund")));
    }
}
