package io.freelance.ledger.command.dispute;

import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowDisputeSubject;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.dispute.DisputeTerms;
import io.freelance.ledger.escrow.DisputeMilestoneCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.SettleEscrowDisputeCommand;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The {@link DisputedEscrow} of the running service: loads the contract's escrow account through its repository,
 * in the dispute's unit of work, and hands it the command (with the acting user, or as the service), so the
 * account's own handlers check and record it. A supplier, because the repository exists only once Axon is
 * configured.
 */
public class EscrowAccountDisputes implements DisputedEscrow {

    private final Supplier<Repository<EscrowAccount>> accounts;

    public EscrowAccountDisputes(Supplier<Repository<EscrowAccount>> accounts) {
        this.accounts = accounts;
    }

    @Override
    public HeldByDispute disputeRefund(String contractId, Actor freelancer, String reason) {
        Aggregate<EscrowAccount> account = load(contractId);
        send(account, new DisputeRefundCommand(account.identifierAsString(), reason), freelancer);
        return subject(account, null);
    }

    @Override
    public HeldByDispute disputeMilestone(String contractId, String milestoneId, String disputeId,
                                                 Actor freelancer, String reason) {
        Aggregate<EscrowAccount> account = load(contractId);
        send(account, new DisputeMilestoneCommand(account.identifierAsString(), milestoneId, disputeId, reason),
                freelancer);
        return subject(account, milestoneId);
    }

    @Override
    public long settle(String contractId, String disputeId, String milestoneId, DisputeTerms terms) {
        Aggregate<EscrowAccount> account = load(contractId);
        send(account, new SettleEscrowDisputeCommand(account.identifierAsString(), disputeId, milestoneId,
                terms.releaseAmount(), terms.refundAmount()), Actor.SYSTEM);
        return account.version();
    }

    private static HeldByDispute subject(Aggregate<EscrowAccount> account, String milestoneId) {
        EscrowDisputeSubject subject = account.invoke(loaded -> loaded.disputeSubject(milestoneId));
        return new HeldByDispute(subject.parties(), subject.amount(), account.version());
    }

    private Aggregate<EscrowAccount> load(String contractId) {
        try {
            return accounts.get().load(EscrowAccountId.forContract(contractId));
        } catch (AggregateNotFoundException missing) {
            throw RuleViolation.notFound("contractId", "escrow.not-found",
                    "Contract %s has no escrow account (it is hourly, or not accepted yet).".formatted(contractId));
        }
    }

    private static void send(Aggregate<EscrowAccount> account, Object command, Actor actor) {
        try {
            account.handle(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData()));
        } catch (RuntimeException rejected) {
            throw rejected;
        } catch (Exception unexpected) {
            throw new IllegalStateException("The escrow account did not take " + command, unexpected);
        }
    }
}
