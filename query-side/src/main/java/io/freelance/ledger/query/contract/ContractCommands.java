package io.freelance.ledger.query.contract;

import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.graphql.ExceptionClassifier;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.EndContractCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.escrow.EscrowStatus;
import io.freelance.ledger.query.escrow.EscrowSummary;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps every contract mutation shares: send the command, wait for the read model to show its
 * result, return the contract. Whether the caller is a party who may do this is the aggregate's
 * decision (outsiders get NOT_FOUND from it, as for a contract that does not exist); only the roles
 * that may change no contract at all are turned away here. The read model is not consulted first: it
 * may lag behind a change the caller was just told about (a pending answer).
 */
@Component
public class ContractCommands {

    private static final Logger log = LoggerFactory.getLogger(ContractCommands.class);
    private static final long ANY_VERSION = -1;
    private static final long CREATED_VERSION = 0;

    private final ContractAccess access;
    private final ContractReadModel contracts;
    private final CommandSender sender;
    private final ReadModelCatchUp catchUp;

    public ContractCommands(ContractAccess access, ContractReadModel contracts, CommandSender sender, ReadModelCatchUp catchUp) {
        this.access = access;
        this.contracts = contracts;
        this.sender = sender;
        this.catchUp = catchUp;
    }

    /**
     * Offers a contract whose id derives from the client and the idempotency key. Every offer goes to the
     * contract, retries too: only the contract knows the terms first offered under the key, so it answers a
     * retry as the first time without recording anything, and refuses the key reused for other terms.
     */
    public ContractPayload offer(Actor client, String requestId, String contractId, Object offerCommand) {
        try {
            sender.send(offerCommand, client, requestId);
        } catch (RuntimeException rejected) {
            if (!ExceptionClassifier.classify(rejected).map(error -> "contract.unique".equals(error.rule())).orElse(false)) {
                throw rejected;
            }
            // A concurrent offer under the same key created the contract first. Sent again, the offer meets the
            // contract, which tells a retry from a reused key.
            sender.send(offerCommand, client, requestId);
        }
        return awaited(contractId, CREATED_VERSION, ANY_VERSION);
    }

    /** A command to the Contract aggregate; {@code command} is built from the contract id. */
    public ContractPayload changeContract(Actor actor, String requestId, String contractId, Function<String, Object> command) {
        access.requireMayChangeContracts(actor, "contractId", contractId);
        long version = versionOf(sender.send(command.apply(contractId), actor, requestId));
        return awaited(contractId, version, ANY_VERSION);
    }

    /** Accepting a fixed-price contract opens its escrow account in the same step: the payload waits for both. */
    public ContractPayload accept(Actor freelancer, String requestId, String contractId) {
        access.requireMayChangeContracts(freelancer, "contractId", contractId);
        long version = versionOf(sender.send(new AcceptContractCommand(contractId), freelancer, requestId));
        return awaited(contractId, view -> view.contractVersion() >= version
                && (view.type() != ContractType.FIXED_PRICE || view.escrowVersion() >= CREATED_VERSION));
    }

    /** Ending a fixed-price contract closes its escrow account in the same step: the payload shows what becomes of the money held. */
    public ContractPayload end(Actor actor, String requestId, String contractId, String reason) {
        access.requireMayChangeContracts(actor, "contractId", contractId);
        long version = versionOf(sender.send(new EndContractCommand(contractId, reason), actor, requestId));
        return awaited(contractId, view -> view.contractVersion() >= version
                && (view.type() != ContractType.FIXED_PRICE || escrowSettledAfterEnd(view)));
    }

    /** Closed (in the unit of work that ended the contract), and what it held is nothing, refunded or awaiting its refund. */
    private static boolean escrowSettledAfterEnd(ContractView contract) {
        EscrowSummary escrow = contract.escrow();
        return escrow != null && escrow.status() == EscrowStatus.CLOSED
                && (escrow.refund() != null || escrow.currentEscrowAmount().isZero());
    }

    /** A command to the contract's EscrowAccount aggregate; {@code command} is built from the escrow account id. */
    public ContractPayload changeEscrow(Actor actor, String requestId, String contractId, Function<String, Object> command) {
        access.requireMayChangeContracts(actor, "contractId", contractId);
        long version;
        try {
            version = versionOf(sender.send(command.apply(EscrowAccountId.forContract(contractId)), actor, requestId));
        } catch (RuntimeException failed) {
            throw revealingNoOtherContract(failed, actor, contractId);
        }
        return awaited(contractId, ANY_VERSION, version);
    }

    /**
     * "This contract has no escrow account" (an hourly contract, or one not accepted yet) is for its parties;
     * to anyone else the contract does not exist, as for every other mutation.
     */
    private RuntimeException revealingNoOtherContract(RuntimeException failed, Actor actor, String contractId) {
        boolean noEscrowAccount = ExceptionClassifier.classify(failed)
                .map(error -> "escrow.not-found".equals(error.rule())).orElse(false);
        if (noEscrowAccount && !access.isParty(actor, contractId)) {
            return RuleViolation.notFound("contractId", "contract.not-found",
                    "There is no contract " + contractId + " that you are a party to.");
        }
        return failed;
    }

    private ContractPayload awaited(String contractId, long contractVersion, long escrowVersion) {
        return awaited(contractId, view -> view.contractVersion() >= contractVersion && view.escrowVersion() >= escrowVersion);
    }

    /** The contract once it shows the change; otherwise marked pending, so a stale view is never taken for the result. */
    private ContractPayload awaited(String contractId, Predicate<ContractView> changeShown) {
        Optional<ContractView> contract = catchUp.awaitContract(contractId, changeShown);
        if (contract.isPresent() && changeShown.test(contract.get())) {
            return ContractPayload.applied(contract.get());
        }
        log.warn("Contract {} was changed but its read model did not show it within the wait; answering pending", contractId);
        return new ContractPayload(contractId, contract.orElse(null), true);
    }

    /** Non-creating command handlers answer with the aggregate's new version; anything else: read what is there. */
    private static long versionOf(Object result) {
        return result instanceof Number version ? version.longValue() : ANY_VERSION;
    }
}
