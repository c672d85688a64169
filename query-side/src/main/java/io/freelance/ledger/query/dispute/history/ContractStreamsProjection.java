package io.freelance.ledger.query.dispute.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link ContractStreams} from every event that names a contract (every event of this service does, in
 * its {@code contractId}), so an aggregate added later, such as a dispute, joins its contract's history
 * without a change here. A group of its own: the history's bookkeeping never holds back a read model users
 * wait for.
 * <p>
 * An aggregate is written once per process, not once per event: a diary week records hundreds of segments,
 * and rewriting the same list for each would double the diary's writes. After a restart or on another
 * instance it is written again, which the idempotent {@link ContractStreams#record} absorbs.
 */
@Component
@ProcessingGroup(ContractStreamsProjection.PROCESSING_GROUP)
public class ContractStreamsProjection {

    public static final String PROCESSING_GROUP = "contract-streams-projection";
    private static final int REMEMBERED_AGGREGATES = 10_000;

    private final ContractStreams streams;
    private final Set<String> recorded = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_AGGREGATES;
                }
            }));

    public ContractStreamsProjection(ContractStreams streams) {
        this.streams = streams;
    }

    @EventHandler
    public void on(Object payload, DomainEventMessage<?> event) {
        EventPayloads.contractIdOf(payload).ifPresent(contractId -> {
            String aggregateId = event.getAggregateIdentifier();
            if (!recorded.contains(contractId + "|" + aggregateId)) {
                streams.record(contractId, aggregateId);
                recorded.add(contractId + "|" + aggregateId);
            }
        });
    }

    @ResetHandler
    public void onReset() {
        recorded.clear();
        streams.deleteAll();
    }
}
