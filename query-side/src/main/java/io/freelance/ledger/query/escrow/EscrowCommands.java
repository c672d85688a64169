package io.freelance.ledger.query.escrow;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.query.contract.ContractAccess;
import io.freelance.ledger.query.contract.ContractCommands;
import io.freelance.ledger.query.contract.ContractPayload;
import io.freelance.ledger.query.graphql.CommandSender;
import io.freelance.ledger.query.graphql.Rejections;
import io.freelance.ledger.query.readstore.ReadYourWrites;
import io.freelance.ledger.query.security.Caller;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Commands to a contract's EscrowAccount: send, wait until the escrow read model shows the account's new
 * version, answer the contract (whose milestones and escrow are the account's). Whether the caller is the
 * party who may do this is the aggregate's decision.
 */
@Component
public class EscrowCommands {

    private final ContractAccess access;
    private final ContractCommands contractCommands;
    private final CommandSender sender;

    public EscrowCommands(ContractAccess access, ContractCommands contractCommands, CommandSender sender) {
        this.access = access;
        this.contractCommands = contractCommands;
        this.sender = sender;
    }

    /** {@code command} is built from the escrow account id. */
    public ContractPayload change(Caller caller, String contractId, Function<String, Object> command) {
        access.requireMayChangeContracts(caller.actor(), "contractId", contractId);
        String escrowAccountId = EscrowAccountId.forContract(contractId);
        Object result;
        try {
            result = sender.send(command.apply(escrowAccountId), caller);
        } catch (RuntimeException failed) {
            throw revealingNoOtherContract(failed, caller.actor(), contractId);
        }
        return contractCommands.answer(contractId, ReadYourWrites.versionsOf(result, EscrowStore.AGGREGATE_TYPE, escrowAccountId));
    }

    /**
     * "This contract has no escrow account" (an hourly contract, or one not accepted yet) is for its parties;
     * to anyone else the contract does not exist, as for every other mutation.
     */
    private RuntimeException revealingNoOtherContract(RuntimeException failed, Actor actor, String contractId) {
        if (Rejections.isRule(failed, "escrow.not-found") && !access.isParty(actor, contractId)) {
            return RuleViolation.notFound("contractId", "contract.not-found",
                    "There is no contract " + contractId + " that you are a party to.");
        }
        return failed;
    }
}
