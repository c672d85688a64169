package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.ledger.LedgerProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the live ledger from the events, only when finance asks for it (after an audit found
 * differences): the ledger projection is stopped, its token reset to the first event and started again;
 * its reset handler empties the ledger collections first. Until it has caught up, balances read low. This
 * replaces a swap of the shadow collections, which hold balances only, not the statements and entries the
 * live model serves.
 */
@Component
public class LedgerRebuild {

    private static final Logger log = LoggerFactory.getLogger(LedgerRebuild.class);

    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;

    public LedgerRebuild(ObjectProvider<EventProcessingConfiguration> eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    public void rebuildFromEvents(String requestedBy) {
        EventProcessingConfiguration configuration = eventProcessing.getIfAvailable();
        StreamingEventProcessor processor = java.util.Optional.ofNullable(configuration)
                .flatMap(processing -> processing.eventProcessor(LedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class))
                .orElseThrow(() -> RuleViolation.conflict(null, "ledger.processor",
                        "The ledger projection does not run in this service."));
        log.warn("{} asked to rebuild the live ledger from the events: resetting {}", requestedBy, LedgerProjection.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
