package io.freelance.ledger.command.diary;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.command.contract.ContractStanding;
import io.freelance.ledger.common.RuleViolation;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads the contract through its own Axon repository in the diary command's unit of work.
 * <p>
 * Why this rather than the contract handling diary commands and forwarding them: the contract's stream
 * stays short (recording time adds nothing to it), the diary's rules are tested on the diary's own
 * stream, and the contract is not a second home for diary logic. Loading it takes the contract's lock
 * until the unit of work ends, so on this instance no pause or end can commit between the check and the
 * recorded cell. Lock order is always diary, then contract: a contract handler must never load a diary.
 * <p>
 * In distributed mode commands are routed by their target id, so a diary command may run on another
 * instance than its contract's commands and read a cached contract that is older than a pause made
 * there. Routing diary commands by contract id on both sides closes that gap (see the report of this change).
 */
public class ContractRepositoryLookup implements ContractLookup {

    private final Supplier<Repository<Contract>> contracts;

    /** A supplier, because the repository exists only once Axon is configured. */
    public ContractRepositoryLookup(Supplier<Repository<Contract>> contracts) {
        this.contracts = contracts;
    }

    @Override
    public ContractStanding standingOf(String contractId) {
        try {
            return contracts.get().load(contractId).invoke(Contract::standing);
        } catch (AggregateNotFoundException notFound) {
            throw RuleViolation.notFound("contractId", "contract.not-found", "No contract %s was found.".formatted(contractId));
        }
    }
}
