package io.freelance.ledger.command.dispute;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.PauseContractCommand;
import io.freelance.ledger.contract.ResumeContractCommand;
import io.freelance.ledger.dispute.ContractDisputeClosedEvent;
import io.freelance.ledger.dispute.ContractDisputeOpenedEvent;
import io.freelance.ledger.dispute.ContractDisputesId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The open disputes of one contract, and whether they paused it: a contract stays paused while any of its
 * disputes is open, however many weekly invoices are disputed at once, and resumes when the last is settled.
 * One aggregate per contract (a short stream: disputes are rare), so that question is answered by one
 * consistent state; the dispute desk for fixed-price disputes will find its register here.
 * <p>
 * It pauses and resumes by handing {@link PauseContractCommand} and {@link ResumeContractCommand}, sent as
 * the service, to the contract it loads in the same unit of work: the contract's own rules decide, its own
 * events record it, and the dispute cannot commit without its pause. Lock order is always invoice, then
 * this register, then the contract; the contract never loads either, so no two units of work can wait on
 * each other. The contract is paused only when it is running, and resumed only when the disputes paused it
 * and it is still paused: a pause a dispute handler made for another reason is theirs to lift.
 */
@org.axonframework.spring.stereotype.Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class ContractDisputes {

    @AggregateIdentifier
    private String contractDisputesId;
    private final Set<String> openDisputeIds = new HashSet<>();
    private final Set<String> settledDisputeIds = new HashSet<>();
    private boolean contractPausedByDisputes;

    protected ContractDisputes() {
        // Axon rebuilds the register from its events, or creates it for the contract's first dispute.
    }

    /** Called in the unit of work that opens the dispute; opening it again changes nothing. */
    void open(String contractId, String disputeId, String invoiceId, Supplier<Aggregate<Contract>> contract) {
        if (openDisputeIds.contains(disputeId) || settledDisputeIds.contains(disputeId)) {
            return;
        }
        Aggregate<Contract> loaded = contract.get();
        boolean pause = statusOf(loaded) == ContractStatus.ACTIVE;
        if (pause) {
            String reason = invoiceId == null ? "A fixed-price dispute is open (%s).".formatted(disputeId)
                    : "Hours of invoice %s are disputed (%s).".formatted(invoiceId, disputeId);
            sendAsService(loaded, new PauseContractCommand(contractId, reason));
        }
        apply(new ContractDisputeOpenedEvent(ContractDisputesId.forContract(contractId), contractId, disputeId,
                invoiceId, pause, now()));
    }

    /** Called in the unit of work that settles the dispute; settling it again changes nothing. */
    void settle(String contractId, String disputeId, Supplier<Aggregate<Contract>> contract) {
        if (!openDisputeIds.contains(disputeId)) {
            return;
        }
        int stillOpen = openDisputeIds.size() - 1;
        boolean resume = false;
        if (stillOpen == 0 && contractPausedByDisputes) {
            Aggregate<Contract> loaded = contract.get();
            resume = statusOf(loaded) == ContractStatus.PAUSED;
            if (resume) {
                sendAsService(loaded, new ResumeContractCommand(contractId,
                        "The last open dispute (%s) is settled.".formatted(disputeId)));
            }
        }
        apply(new ContractDisputeClosedEvent(contractDisputesId, contractId, disputeId, resume, stillOpen, now()));
    }

    private static ContractStatus statusOf(Aggregate<Contract> contract) {
        return contract.invoke(Contract::standing).status();
    }

    private static void sendAsService(Aggregate<Contract> contract, Object command) {
        try {
            contract.handle(GenericCommandMessage.asCommandMessage(command).andMetaData(Actor.SYSTEM.asMetaData()));
        } catch (RuntimeException rejected) {
            throw rejected;
        } catch (Exception unexpected) {
            throw new IllegalStateException("The contract did not take " + command, unexpected);
        }
    }

    /** Axon test fixtures control this clock; production reads the system clock through it. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(ContractDisputeOpenedEvent event) {
        contractDisputesId = event.contractDisputesId();
        openDisputeIds.add(event.disputeId());
        contractPausedByDisputes |= event.contractPaused();
    }

    @EventSourcingHandler
    void on(ContractDisputeClosedEvent event) {
        openDisputeIds.remove(event.disputeId());
        settledDisputeIds.add(event.disputeId());
        if (openDisputeIds.isEmpty()) {
            contractPausedByDisputes = false;
        }
    }
}
