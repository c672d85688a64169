package io.freelance.ledger.query.api;

import io.freelance.ledger.query.contract.ContractChangeSignal;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for mutations: after a command, waits (bounded) until the contract's read model
 * has applied the aggregate version the command produced, so the payload shows the change.
 */
@Component
public class ReadModelCatchUp {

    /** Longest pause between two reads, for projections running in another instance. */
    private static final Duration MAX_PAUSE = Duration.ofMillis(25);

    private final ContractReadModel contracts;
    private final ContractChangeSignal changeSignal;
    private final Duration timeout;

    public ReadModelCatchUp(ContractReadModel contracts, ContractChangeSignal changeSignal,
                            @Value("${ledger.api.catch-up-timeout:PT5S}") Duration timeout) {
        this.contracts = contracts;
        this.changeSignal = changeSignal;
        this.timeout = timeout;
    }

    /**
     * The contract once it shows at least these versions (-1: any), or as it is when the wait
     * runs out; empty if it does not exist by then.
     */
    public Optional<ContractView> awaitContract(String contractId, long minimumContractVersion, long minimumEscrowVersion) {
        return awaitContract(contractId, view -> view.contractVersion() >= minimumContractVersion
                && view.escrowVersion() >= minimumEscrowVersion);
    }

    /** The contract once {@code reached} holds for it, or as it is when the wait runs out; empty if it does not exist by then. */
    public Optional<ContractView> awaitContract(String contractId, Predicate<ContractView> reached) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ContractView> contract = contracts.findById(contractId);
            boolean caughtUp = contract.filter(reached).isPresent();
            long remainingNanos = deadline - System.nanoTime();
            if (caughtUp || remainingNanos <= 0) {
                return contract;
            }
            try {
                changeSignal.awaitChange(Duration.ofNanos(Math.min(remainingNanos, MAX_PAUSE.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return contract;
            }
        }
    }
}
