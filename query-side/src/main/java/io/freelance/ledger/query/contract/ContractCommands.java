package io.freelance.ledger.query.contract;

import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.EndContractCommand;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.graphql.Rejections;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.readstore.Shown;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The steps every contract mutation shares: send the command, wait until the read models have applied
 * the versions it produced (of the contract, and of the escrow account when it changed too), return the
 * contract. Whether the caller is a party who may do this is the aggregate's
 * decision (outsiders get NOT_FOUND from it, as for a contract that does not exist); only the roles
 * that may change no contract at all are turned away here. The read model is not consulted first: it
 * may lag behind a change the caller was just told about (a pending answer).
 */
@Component
public class ContractCommands {

    private static final long CREATED_VERSION = 0;

    private final ContractAccess access;
    private final ContractReadModel contracts;
    private final CommandSender sender;
    private final ReadYourWrites readYourWrites;

    public ContractCommands(ContractAccess access, ContractReadModel contracts, CommandSender sender,
                            ReadYourWrites readYourWrites) {
        this.access = access;
        this.contracts = contracts;
        this.sender = sender;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Offers a contract whose id derives from the client and the idempotency key. Every offer goes to the
     * contract, retries too: only the contract knows the terms first offered under the key, so it answers a
     * retry as the first time without recording anything, and refuses the key reused for other terms.
     */
    public ContractPayload offer(Caller client, String contractId, Object offerCommand) {
        try {
            sender.send(offerCommand, client);
        } catch (RuntimeException rejected) {
            if (!Rejections.isRule(rejected, "contract.unique")) {
                throw rejected;
            }
            // A concurrent offer under the same key created the contract first. Sent again, the offer meets the
            // contract, which tells a retry from a reused key.
            sender.send(offerCommand, client);
        }
        return answer(contractId, List.of(contractVersion(contractId, CREATED_VERSION)));
    }

    /** A command to the Contract aggregate; {@code command} is built from the contract id. */
    public ContractPayload changeContract(Caller caller, String contractId, Function<String, Object> command) {
        access.requireMayChangeContracts(caller.actor(), "contractId", contractId);
        Object result = sender.send(command.apply(contractId), caller);
        return answer(contractId, ReadYourWrites.versionsOf(result, ContractStore.AGGREGATE_TYPE, contractId));
    }

    /**
     * A command that finance or a dispute handler may send too (pausing and resuming during a dispute): no
     * role is turned away here; the contract decides who may, as it does for everyone else.
     */
    public ContractPayload changeContractAsAnyRole(Caller caller, String contractId, Function<String, Object> command) {
        Object result = sender.send(command.apply(contractId), caller);
        return answer(contractId, ReadYourWrites.versionsOf(result, ContractStore.AGGREGATE_TYPE, contractId));
    }

    /** Accepting a fixed-price contract opens its escrow account in the same step: the answer waits for both. */
    public ContractPayload accept(Caller freelancer, String contractId) {
        return changeContract(freelancer, contractId, AcceptContractCommand::new);
    }

    /** Ending a fixed-price contract closes its escrow account in the same step: the answer shows what becomes of the money held. */
    public ContractPayload end(Caller caller, String contractId, String reason) {
        return changeContract(caller, contractId, id -> new EndContractCommand(id, reason));
    }

    /**
     * The contract once the read models have applied these versions; otherwise marked pending, with the
     * contract as last seen, so a stale view is never taken for the result.
     */
    public ContractPayload answer(String contractId, List<AggregateVersion> versions) {
        Shown<ContractView> contract = readYourWrites.awaitThenRead("Contract", contractId, versions,
                () -> contracts.findById(contractId));
        return new ContractPayload(contractId, contract.view(), contract.pending());
    }

    private static AggregateVersion contractVersion(String contractId, long version) {
        return new AggregateVersion(ContractStore.AGGREGATE_TYPE, contractId, version);
    }
}
