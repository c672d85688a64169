package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.dispute.ContractDisputesId;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.Caller;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * The event history over GraphQL: one aggregate's events, or a whole contract's across its aggregates, read
 * from the event store page by page, filtered, and shown to each reader as {@link HistoryRedaction} allows.
 * Input is checked before anything is read.
 */
@Controller
public class EventHistoryController {

    private final StoredEvents storedEvents;
    private final ContractStreams contractStreams;
    private final HistoryAccess access;

    EventHistoryController(StoredEvents storedEvents, ContractStreams contractStreams, HistoryAccess access) {
        this.storedEvents = storedEvents;
        this.contractStreams = contractStreams;
        this.access = access;
    }

    @QueryMapping
    public Window<HistoryEvent> aggregateHistory(@Argument String aggregateId, @Argument HistoryFilterInput filter,
                                                 ScrollSubrange page, Caller caller) {
        String id = Inputs.id("aggregateId", aggregateId);
        int size = Pages.size(page);
        Optional<HistoryPosition> after = HistoryPosition.after(Pages.after(page));
        HistoryFilter accepted = HistoryFilter.of(filter);
        HistoryReader reader = access.ofAggregate(caller.actor(), "aggregateId", id, storedEvents.of(id).findFirst());
        return window(HistoryPages.page(List.of(storedEvents.of(id)), after, accepted, size), size, reader);
    }

    @QueryMapping
    public Window<HistoryEvent> contractHistory(@Argument String contractId, @Argument HistoryFilterInput filter,
                                                ScrollSubrange page, Caller caller) {
        String id = Inputs.id("contractId", contractId);
        int size = Pages.size(page);
        Optional<HistoryPosition> after = HistoryPosition.after(Pages.after(page));
        HistoryFilter accepted = HistoryFilter.of(filter);
        HistoryReader reader = access.ofContract(caller.actor(), "contractId", id);
        List<Stream<StoredEvent>> streams = aggregatesOf(id).stream().map(storedEvents::of).toList();
        return window(HistoryPages.page(streams, after, accepted, size), size, reader);
    }

    @SchemaMapping(typeName = "HistoryEvent", field = "payload")
    public Object payload(HistoryEvent event) {
        return EventPayloads.toPlain(event.payload());
    }

    /**
     * The contract's own stream and those whose ids derive from its id, so they show even before the
     * projection has caught up, then every other aggregate that named the contract.
     */
    private Set<String> aggregatesOf(String contractId) {
        Set<String> aggregateIds = new LinkedHashSet<>(List.of(contractId, EscrowAccountId.forContract(contractId),
                ContractDisputesId.forContract(contractId)));
        aggregateIds.addAll(contractStreams.aggregatesOf(contractId));
        return aggregateIds;
    }

    private static Window<HistoryEvent> window(List<StoredEvent> fetched, int size, HistoryReader reader) {
        return Pages.window(fetched, size, event -> event.position().cursorKeys(),
                event -> HistoryRedaction.forReader(event.toHistoryEvent(), reader));
    }
}
