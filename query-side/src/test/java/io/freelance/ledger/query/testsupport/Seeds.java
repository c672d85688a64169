package io.freelance.ledger.query.testsupport;

import static io.freelance.ledger.query.testsupport.Entries.usd;

import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.contract.ContractStore;
import io.freelance.ledger.query.escrow.EscrowProjection;
import io.freelance.ledger.query.ledger.LedgerProjection;
import io.freelance.ledger.query.ledger.LedgerStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

/** Puts contracts and money into the read models through the projections, as the events would. */
public final class Seeds {

    private final ContractProjection contracts;
    private final EscrowProjection escrow;
    private final LedgerProjection ledger;
    private final ContractStore contractStore;
    private final LedgerStore ledgerStore;
    private long nextPosition = 1;

    public Seeds(ContractProjection contracts, EscrowProjection escrow, LedgerProjection ledger,
                 ContractStore contractStore, LedgerStore ledgerStore) {
        this.contracts = contracts;
        this.escrow = escrow;
        this.ledger = ledger;
        this.contractStore = contractStore;
        this.ledgerStore = ledgerStore;
    }

    public void clear() {
        contractStore.deleteAll();
        escrow.onReset();
        ledgerStore.deleteAll();
    }

    public static List<MilestoneTerms> milestones(String contractId) {
        return List.of(
                new MilestoneTerms(contractId + "-m1", "Design", usd("500.00"), LocalDate.parse("2025-03-31")),
                new MilestoneTerms(contractId + "-m2", "Build", usd("300.00"), LocalDate.parse("2025-04-30")));
    }

    public void offered(String contractId, String clientId, String freelancerId, Instant offeredAt) {
        contracts.on(new FixedPriceContractOfferedEvent(contractId, clientId, freelancerId, "Website " + contractId, "USD",
                milestones(contractId), offeredAt), 0);
    }

    /** Offered, accepted, escrow open (escrow version 0), nothing funded. */
    public void accepted(String contractId, String clientId, String freelancerId, Instant offeredAt) {
        offered(contractId, clientId, freelancerId, offeredAt);
        contracts.on(new ContractAcceptedEvent(contractId, ContractType.FIXED_PRICE, clientId, freelancerId, offeredAt), 1);
        String escrowId = EscrowAccountId.forContract(contractId);
        escrow.on(new EscrowAccountOpenedEvent(escrowId, contractId, clientId, freelancerId, "USD", milestones(contractId), offeredAt), 0);
    }

    /** Accepted, then the first milestone funded (escrow version 1) with its journal entry. */
    public void activeAndFunded(String contractId, String clientId, String freelancerId, Instant offeredAt) {
        accepted(contractId, clientId, freelancerId, offeredAt);
        String escrowId = EscrowAccountId.forContract(contractId);
        var entry = Entries.funding("fund-" + contractId, clientId, contractId, contractId + "-m1", "500.00", "25.00");
        MilestoneFundedEvent funded = new MilestoneFundedEvent(escrowId, contractId, contractId + "-m1", "request-1",
                usd("500.00"), usd("0.00"), usd("500.00"), usd("25.00"), entry, offeredAt);
        escrow.on(funded, 1);
        long position = nextPosition++;
        ledger.on(funded, "event-" + position, new GlobalSequenceTrackingToken(position), offeredAt);
    }
}
